using CourseBuilder.Model;

namespace CourseBuilder.Analysis;

/// <summary>How often one choice was chosen: by everyone, and by the upper and lower groups (null when there are no groups).</summary>
public sealed record OptionStats(Choice Choice, int Chosen, double Proportion, double? Upper, double? Lower);

/// <summary>The classical statistics of one graded item over the analysed attempts.</summary>
public sealed record ItemStats(
    Module Module,
    Question Question,
    int Responses,
    /// <summary>p: the proportion of responses that were right.</summary>
    double Difficulty,
    /// <summary>Corrected item-total point-biserial; null when it cannot be computed.</summary>
    double? PointBiserial,
    /// <summary>D = p(upper 27%) − p(lower 27%); null under two responses.</summary>
    double? UpperLower,
    IReadOnlyList<OptionStats> Options,
    bool Reliable);

/// <summary>One module's quiz over the analysed attempts.</summary>
public sealed record QuizStats(
    Module Module,
    int PassMark,
    int Attempts,
    int Students,
    double MeanScore,
    double SdScore,
    int Passed,
    /// <summary>Ten bins of the score (0–9 %, 10–19 %, … 90–100 %), counts of attempts.</summary>
    IReadOnlyList<int> Histogram,
    /// <summary>Students by the number of attempts they made (always over all attempts): attempts → students.</summary>
    IReadOnlyList<(int Attempts, int Students)> AttemptsUsed,
    ReliabilityEstimate Reliability,
    IReadOnlyList<ItemStats> Items)
{
    public double PassRate => Attempts == 0 ? 0 : Passed / (double)Attempts;
}

public sealed record AnalysisResult(AnalysisSettings Settings, IReadOnlyList<ResultsFile> Files, IReadOnlyList<QuizStats> Quizzes);

/// <summary>Classical test statistics per item and per quiz, from the mapped attempts.</summary>
public static class ItemAnalysis
{
    public static IReadOnlyList<QuizStats> Compute(Course course, IReadOnlyList<QuizAttempt> all, AnalysisSettings settings)
    {
        var quizzes = new List<QuizStats>();
        foreach (var module in course.Modules.Where(m => m.Quiz is not null).OrderBy(m => m.Number))
        {
            var ofModule = all.Where(a => a.Module.Id == module.Id).ToList();
            if (ofModule.Count == 0) continue;
            var used = ofModule.GroupBy(a => a.Student).Select(g => g.Count()).GroupBy(c => c).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
            var attempts = settings.AllAttempts ? ofModule : ofModule.Where(a => a.Ordinal == 1).ToList();
            var passMark = module.PassMark(course);
            var scores = attempts.Select(a => a.Score).ToList();
            var histogram = new int[10];
            foreach (var a in attempts) histogram[Math.Min(9, (int)Math.Floor(Percent(a) / 10.0))]++;
            var items = module.Quiz!.Pool.Select(q => Item(module, q, attempts, settings)).Where(i => i is not null).Select(i => i!).ToList();
            quizzes.Add(new QuizStats(module, passMark, attempts.Count, attempts.Select(a => a.Student).Distinct().Count(),
                Statistics.Mean(scores), Statistics.PopulationSd(scores), attempts.Count(a => Percent(a) >= passMark), histogram, used,
                Statistics.NestedReliability(attempts.Select(a => (a.Right, a.Total)).ToList()), items));
        }
        return quizzes;
    }

    /// <summary>The score as the player shows it and compares with the pass mark: a whole percentage, rounded half up.</summary>
    public static int Percent(QuizAttempt attempt) => (int)Math.Round(100.0 * attempt.Score, MidpointRounding.AwayFromZero);

    private static ItemStats? Item(Module module, Question question, IReadOnlyList<QuizAttempt> attempts, AnalysisSettings settings)
    {
        var taking = attempts.Select(a => (Attempt: a, Answer: a.Answers.FirstOrDefault(x => x.Question.Id == question.Id)))
            .Where(p => p.Answer is not null).ToList();
        if (taking.Count == 0) return null;
        var n = taking.Count;
        var p = taking.Count(t => t.Answer!.Correct) / (double)n;
        var rest = taking.Where(t => t.Attempt.Total > 1)
            .Select(t => (t.Answer!.Correct, (t.Attempt.Right - (t.Answer.Correct ? 1 : 0)) / (double)(t.Attempt.Total - 1))).ToList();
        var groups = Statistics.Groups(taking.Select(t => t.Attempt.Score).ToList(), settings.GroupFraction);
        double? d = groups is { } g
            ? Statistics.Weighted(g.Upper, i => taking[i].Answer!.Correct) - Statistics.Weighted(g.Lower, i => taking[i].Answer!.Correct)
            : null;
        var options = question.Choices.Select(c => new OptionStats(c,
            taking.Count(t => t.Answer!.Chosen.Contains(c.Key)),
            taking.Count(t => t.Answer!.Chosen.Contains(c.Key)) / (double)n,
            groups is { } u ? Statistics.Weighted(u.Upper, i => taking[i].Answer!.Chosen.Contains(c.Key)) : null,
            groups is { } l ? Statistics.Weighted(l.Lower, i => taking[i].Answer!.Chosen.Contains(c.Key)) : null)).ToList();
        return new ItemStats(module, question, n, p, Statistics.PointBiserial(rest), d, options, n >= settings.MinResponses);
    }
}
