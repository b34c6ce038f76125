using CourseBuilder.Analysis;

namespace CourseBuilder.Tests.Analysis;

/// <summary>
/// The statistics on Fixtures/analysis/synthetic.csv (five students, three items; the table is in
/// that folder's README) against values worked out by hand. Each expected number's working is in
/// the comment beside it.
/// </summary>
public sealed class ItemStatisticsTests : IClassFixture<AnalysisFixture>
{
    private const int Digits = 6;
    private readonly AnalysisFixture _fixture;

    public ItemStatisticsTests(AnalysisFixture fixture) => _fixture = fixture;

    private QuizStats Quiz(AnalysisSettings? settings = null)
    {
        var run = _fixture.Analyze(settings);
        Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
        return Assert.Single(run.Result!.Quizzes);
    }

    private static ItemStats Item(QuizStats quiz, string id) => quiz.Items.Single(i => i.Question.Id == id);

    [Fact]
    public void DifficultyIsTheProportionRightOnFirstAttempts()
    {
        var quiz = Quiz();
        Assert.Equal(5, Item(quiz, "t-q1").Responses);
        Assert.Equal(0.6, Item(quiz, "t-q1").Difficulty, Digits);   // S1, S2, S4 right: 3/5
        Assert.Equal(0.6, Item(quiz, "t-q2").Difficulty, Digits);   // S1, S2, S3: 3/5
        Assert.Equal(0.4, Item(quiz, "t-q3").Difficulty, Digits);   // S1, S3: 2/5
    }

    [Fact]
    public void AllAttemptsAddsTheSecondAttempt()
    {
        var quiz = Quiz(new AnalysisSettings { AllAttempts = true, MinResponses = 5 });
        Assert.Equal(6, quiz.Attempts);
        Assert.Equal(6, Item(quiz, "t-q1").Responses);
        Assert.Equal(4.0 / 6, Item(quiz, "t-q1").Difficulty, Digits);   // S5's second attempt is right: 4/6
    }

    [Fact]
    public void PointBiserialIsCorrectedForTheItemItself()
    {
        var quiz = Quiz();
        // t-q1: x = 1,1,0,1,0 (mean .6); rest = proportion right on the other two: 1, .5, 1, 0, 0 (mean .5).
        // Σdxdy = .4·.5 + .4·0 + (−.6)·.5 + .4·(−.5) + (−.6)·(−.5) = .2 − .3 − .2 + .3 = 0.
        Assert.Equal(0.0, Item(quiz, "t-q1").PointBiserial!.Value, Digits);
        // t-q2: x = 1,1,1,0,0; rest = 1, .5, .5, .5, 0. Σdxdy = .5, Σdx² = 1.2, Σdy² = .5: r = .5/√.6 = .645497.
        Assert.Equal(0.645497, Item(quiz, "t-q2").PointBiserial!.Value, Digits);
        // t-q3: x = 1,0,1,0,0; rest = 1, 1, .5, .5, 0. Σdxdy = .3, Σdx² = 1.2, Σdy² = .7: r = .3/√.84 = .327327.
        Assert.Equal(0.327327, Item(quiz, "t-q3").PointBiserial!.Value, Digits);
    }

    [Fact]
    public void UpperLowerIndexUsesTwentySevenPercentGroups()
    {
        // 27% of 5 = 1.35 → one attempt per group: S1 (3/3) above, S5 (0/3) below; each item 1 − 0.
        var quiz = Quiz();
        Assert.Equal(1.0, Item(quiz, "t-q1").UpperLower!.Value, Digits);
        Assert.Equal(1.0, Item(quiz, "t-q3").UpperLower!.Value, Digits);
    }

    [Fact]
    public void TiesAtTheGroupBoundaryShareTheLastPlaces()
    {
        // Groups of 40% of 5 = 2: upper S1 (1) and the tied S2, S3 at 2/3 (½ each); lower S5, S4.
        var quiz = Quiz(new AnalysisSettings { GroupFraction = 0.4, MinResponses = 5 });
        Assert.Equal(0.25, Item(quiz, "t-q1").UpperLower!.Value, Digits);   // upper (1 + ½·1 + ½·0)/2 = .75, lower (0 + 1)/2 = .5
        Assert.Equal(1.0, Item(quiz, "t-q2").UpperLower!.Value, Digits);    // upper (1 + ½ + ½)/2 = 1, lower 0
        Assert.Equal(0.75, Item(quiz, "t-q3").UpperLower!.Value, Digits);   // upper (1 + 0 + ½)/2 = .75, lower 0

        var weights = Statistics.Groups([1, 2 / 3.0, 2 / 3.0, 1 / 3.0, 0], 0.4)!.Value;
        Assert.Equal([1, 0.5, 0.5, 0, 0], weights.Upper);
        Assert.Equal([0, 0, 0, 1, 1], weights.Lower);
    }

    [Fact]
    public void OptionCountsAreTheChoicesMade()
    {
        var quiz = Quiz();
        Assert.Equal([3, 2, 0, 0], Item(quiz, "t-q1").Options.Select(o => o.Chosen));   // a: S1 S2 S4; b: S3 S5
        Assert.Equal([1, 3, 1], Item(quiz, "t-q2").Options.Select(o => o.Chosen));      // a: S5; b: S1 S2 S3; c: S4
        Assert.Equal([2, 1, 2], Item(quiz, "t-q3").Options.Select(o => o.Chosen));      // a: S2 S5; b: S4; c: S1 S3
        Assert.Equal(0.4, Item(quiz, "t-q1").Options[1].Proportion, Digits);
    }

    [Fact]
    public void QuizSummaryHasScoresPassRateAndAttemptsUsed()
    {
        var quiz = Quiz();
        Assert.Equal(5, quiz.Attempts);
        Assert.Equal(5, quiz.Students);
        Assert.Equal(0.533333, quiz.MeanScore, Digits);        // (1 + ⅔ + ⅔ + ⅓ + 0)/5 = 8/15
        Assert.Equal(0.339935, quiz.SdScore, Digits);          // √(Σ(score − 8/15)²/5) = √(.577778/5)
        Assert.Equal(75, quiz.PassMark);                       // course.yml's pass-mark
        Assert.Equal(1, quiz.Passed);                          // only S1's 100% reaches 75%
        Assert.Equal([1, 0, 0, 1, 0, 0, 2, 0, 0, 1], quiz.Histogram);   // 0, 33, 67, 67, 100
        Assert.Equal([(1, 4), (2, 1)], quiz.AttemptsUsed);      // S5 made two attempts
    }

    [Fact]
    public void ReliabilityIsTheNestedDesignCoefficient()
    {
        // Rights 3,2,2,1,0 of 3. Grand mean 8/15. SSb = 3·Σ(mean − 8/15)² = 3·.577778 = 1.733333, MSb = /4 = 13/30.
        // SSw = Σ 3·m(1 − m) = 0 + ⅔ + ⅔ + ⅔ + 0 = 2, MSw = 2/10 = 6/30. Coefficient 1 − MSw/MSb = 7/13.
        var r = Quiz().Reliability;
        Assert.Equal(7 / 13.0, r.Value!.Value, Digits);
        Assert.Equal(0.258199, r.StandardError!.Value, Digits);   // √(MSw / 3) = √(.2/3)
        Assert.Equal(3.0, r.MeanItems, Digits);
    }

    [Fact]
    public void ReliabilityNeedsVariationAndTwoAttempts()
    {
        Assert.Null(Statistics.NestedReliability([(2, 3)]).Value);
        Assert.Equal("fewer than two attempts", Statistics.NestedReliability([(2, 3)]).Reason);
        // Unequal lengths: rights 2 of 2, 0 of 2, 1 of 4. N = 8, grand 3/8; SSb = 2(.625)² + 2(.375)² + 4(.125)² = 1.125,
        // MSb = .5625; SSw = 0 + 0 + 4·.25·.75 = .75, MSw = .75/5 = .15; n0 = (8 − 24/8)/2 = 2.5; σ²p = (.5625 − .15)/2.5 = .165;
        // n̄ = 8/3; coefficient .165 / (.165 + .15·3/8) = .165/.22125 = .745763.
        Assert.Equal(0.745763, Statistics.NestedReliability([(2, 2), (0, 2), (1, 4)]).Value!.Value, Digits);
    }
}
