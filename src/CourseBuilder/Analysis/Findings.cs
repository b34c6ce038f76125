using System.Globalization;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Analysis;

/// <summary>
/// Turns item statistics into warnings at the question's place in its quiz.md, in compiler format,
/// so an editor can jump to the item. The thresholds come from <see cref="AnalysisSettings"/>.
/// </summary>
public static class Findings
{
    public static void Report(IReadOnlyList<QuizStats> quizzes, AnalysisSettings settings, DiagnosticBag diagnostics)
    {
        foreach (var item in quizzes.SelectMany(q => q.Items))
        {
            var at = item.Question.Location;
            var id = item.Question.Id;
            var over = $"over {item.Responses} {(item.Responses == 1 ? settings.AttemptsLabel[..^1] : settings.AttemptsLabel)}";
            var caveat = item.Reliable ? "" : $"; not yet reliable (fewer than {settings.MinResponses} responses)";

            if (item.PointBiserial is { } r && r < 0)
                diagnostics.Report(DiagnosticCode.NegativeDiscrimination, at,
                    $"item {id}: discrimination {F(r)} {over}; students who do worse on the rest of the quiz get it right more often: check the key{caveat}");
            else if (item.PointBiserial is { } low && low < settings.LowDiscrimination)
                diagnostics.Report(DiagnosticCode.LowDiscrimination, at,
                    $"item {id}: discrimination {F(low)} {over}, below {F(settings.LowDiscrimination)}; it hardly separates stronger from weaker students: check for ambiguity or a clue{caveat}");

            var upperKey = KeyShareInUpperGroup(item);
            foreach (var option in item.Options.Where(o => !o.Choice.Correct && o.Upper is { } u && upperKey is { } k && u > k + 1e-9))
                diagnostics.Report(DiagnosticCode.ProbablyMiskeyed, at,
                    $"item {id}: wrong option {option.Choice.Key} was chosen by {P(option.Upper!.Value)} of the upper group, more than the key " +
                    $"{string.Join(",", item.Question.CorrectChoices.Select(c => c.Key))} ({P(upperKey!.Value)}) {over}; probably miskeyed{caveat}");

            if (item.Difficulty > settings.TooEasy)
                diagnostics.Report(DiagnosticCode.TooEasy, at,
                    $"item {id}: too easy: difficulty {F(item.Difficulty)} (proportion right) {over}, above {F(settings.TooEasy)}{caveat}");
            else if (item.Difficulty < settings.TooHard)
                diagnostics.Report(DiagnosticCode.TooHard, at,
                    $"item {id}: too hard: difficulty {F(item.Difficulty)} (proportion right) {over}, below {F(settings.TooHard)}{caveat}");

            var idle = item.Options.Where(o => !o.Choice.Correct && o.Proportion < settings.IdleDistractor).ToList();
            if (idle.Count > 0)
                diagnostics.Report(DiagnosticCode.IdleDistractor, at,
                    $"item {id}: {(idle.Count == 1 ? "option" : "options")} {string.Join(", ", idle.Select(o => $"{o.Choice.Key} ({P(o.Proportion)})"))} " +
                    $"chosen by fewer than {P(settings.IdleDistractor)} {over}: not working as {(idle.Count == 1 ? "a distractor" : "distractors")}{caveat}");
        }
    }

    /// <summary>
    /// How often the upper group chose the key; for a multiple-response item, its least-chosen
    /// correct option, so a wrong option more popular than any part of the key is caught.
    /// </summary>
    private static double? KeyShareInUpperGroup(ItemStats item)
    {
        var keys = item.Options.Where(o => o.Choice.Correct && o.Upper is not null).Select(o => o.Upper!.Value).ToList();
        return keys.Count == 0 ? null : keys.Min();
    }

    /// <summary>A statistic with two decimals, invariant culture: "-0.18", "0.93".</summary>
    public static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A proportion as a whole percentage: "4%".</summary>
    public static string P(double value) => (100 * value).ToString("0", CultureInfo.InvariantCulture) + "%";
}
