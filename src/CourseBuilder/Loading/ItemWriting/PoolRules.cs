using System.Globalization;
using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Loading.ItemWriting;

/// <summary>Rules about a quiz as a whole: its draw, pass mark and pool, and patterns in its keys.</summary>
public static class PoolRules
{
    /// <summary>The two-fold rule of CB0101: a pool smaller than twice the draw makes retakes a memory test.</summary>
    public const int PoolToDrawRatio = 2;

    /// <summary>CB0106 looks at pools with at least this many true/false items.</summary>
    public const int MinTrueFalseItems = 3;

    /// <summary>CB0107 looks at pools with at least this many single-choice items, and warns above this share (40%).</summary>
    public const int MinSingleChoiceItems = 4;
    public const int LongestKeyPercent = 40;

    public static IEnumerable<Finding> DrawRules(Quiz quiz, int passMark)
    {
        var draw = quiz.Draw;
        if (NeedsPerfectScore(passMark, draw))
            yield return new(DiagnosticCode.PassMarkNeedsPerfectScore, quiz.Location,
                $"a pass mark of {passMark}% with {draw} question(s) drawn needs all {draw} right ({draw - 1} of {draw} scores {Score(draw - 1, draw)}%): " +
                "draw more questions or lower the pass mark");
        if (quiz.Pool.Count < PoolToDrawRatio * draw)
            yield return new(DiagnosticCode.PoolSmallerThanTwiceDraw, quiz.Location,
                $"the pool holds {quiz.Pool.Count} question(s) for a draw of {draw}: with fewer than {PoolToDrawRatio * draw}, retakes repeat most questions; write more questions");
        if (quiz.Blueprint is null)
            foreach (var (objective, items) in SkippableObjectives(quiz))
                yield return new(DiagnosticCode.ObjectiveCanBeSkipped, quiz.Location,
                    $"an attempt can miss objective '{objective}' entirely: {quiz.Pool.Count - items} of the {quiz.Pool.Count} pool questions assess something else and {draw} are drawn; " +
                    "add a 'blueprint' so every attempt covers it");
    }

    /// <summary>
    /// The player scores <c>round(100 × right / drawn)</c> (half up) and passes at score ≥ pass mark,
    /// so a perfect score is needed when one wrong answer already scores below the mark.
    /// </summary>
    public static bool NeedsPerfectScore(int passMark, int draw) => passMark > 0 && draw > 0 && Score(draw - 1, draw) < passMark;

    /// <summary>round(100 × right / drawn), half up, in integers so no culture or float rounding enters.</summary>
    public static int Score(int right, int drawn) => (200 * right + drawn) / (2 * drawn);

    /// <summary>Objectives of which a draw from the whole pool can take no item: the other items alone fill the draw.</summary>
    public static IEnumerable<(string Objective, int Items)> SkippableObjectives(Quiz quiz) =>
        BlueprintPlan.PoolCounts(quiz).Where(p => quiz.Pool.Count - p.Items >= quiz.Draw);

    public static IEnumerable<Finding> KeyPatterns(Quiz quiz)
    {
        var trueFalse = quiz.Pool.Where(q => q.Type == QuestionType.TrueFalse).ToList();
        if (TrueFalseKeysOneWay(trueFalse) is { } key)
            yield return new(DiagnosticCode.TrueFalseKeysOneWay, quiz.Location,
                $"all {trueFalse.Count} true/false questions are keyed '{key}': a student who always answers '{key}' gets them all; key some the other way, or rewrite them as single-choice questions");

        var single = quiz.Pool.Where(q => q.Type == QuestionType.Single).ToList();
        var longest = single.Where(CorrectIsLongest).ToList();
        if (LongestIsKeyTooOften(longest.Count, single.Count))
            yield return new(DiagnosticCode.LongestOptionIsKey, quiz.Location,
                $"in {longest.Count} of {single.Count} single-choice questions the correct choice is the longest ({string.Join(", ", longest.Select(q => q.Id))}): " +
                $"above {LongestKeyPercent.ToString(CultureInfo.InvariantCulture)}%, 'pick the longest' works; make distractors as specific as the key");
    }

    /// <summary>"true" or "false" when at least <see cref="MinTrueFalseItems"/> items all have that key; else null.</summary>
    public static string? TrueFalseKeysOneWay(IReadOnlyList<Question> trueFalse)
    {
        if (trueFalse.Count < MinTrueFalseItems) return null;
        var keys = trueFalse.Select(q => q.CorrectChoices.FirstOrDefault()?.PlainText.ToLowerInvariant()).Distinct().ToList();
        return keys.Count == 1 ? keys[0] : null;
    }

    public static bool LongestIsKeyTooOften(int longestIsKey, int singleChoice) =>
        singleChoice >= MinSingleChoiceItems && longestIsKey * 100 > singleChoice * LongestKeyPercent;

    /// <summary>The one correct choice is strictly longer (in characters of plain text) than every other.</summary>
    public static bool CorrectIsLongest(Question question)
    {
        var correct = question.CorrectChoices.ToList();
        if (correct.Count != 1) return false;
        var length = correct[0].PlainText.Length;
        return question.Choices.Where(c => !c.Correct).All(c => c.PlainText.Length < length);
    }
}
