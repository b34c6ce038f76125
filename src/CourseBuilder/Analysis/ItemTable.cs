using System.Globalization;
using System.Text;

namespace CourseBuilder.Analysis;

/// <summary>
/// The per-item table as CSV (RFC 4180, comma, invariant culture, '\n' line ends), one row per
/// item in module and pool order, for a spreadsheet or a script. Empty cells mean "not computable".
/// </summary>
public static class ItemTable
{
    public const string Header = "module,question,type,responses,reliable,difficulty,point_biserial,upper_lower,key,options,flags,source";

    public static string Render(Model.Course course, AnalysisResult result)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var quiz in result.Quizzes)
            foreach (var item in quiz.Items)
            {
                var q = item.Question;
                string[] cells =
                [
                    quiz.Module.Id, q.Id, q.Type.ToString().ToLowerInvariant(), item.Responses.ToString(CultureInfo.InvariantCulture),
                    item.Reliable ? "yes" : "no", N(item.Difficulty), N(item.PointBiserial), N(item.UpperLower),
                    string.Join(" ", q.CorrectChoices.Select(c => c.Key)),
                    string.Join(" ", item.Options.Select(o => $"{o.Choice.Key}={o.Chosen}")),
                    string.Join(" ", Flags(item, result.Settings)),
                    $"{Path.GetRelativePath(course.ContentDirectory, q.Location.Path).Replace('\\', '/')}:{q.Location.Line}",
                ];
                csv.AppendJoin(',', cells.Select(DelimitedText.Quote)).Append('\n');
            }
        return csv.ToString();
    }

    /// <summary>Short names of the flags an item raises, as in the report: the same thresholds as the findings.</summary>
    public static IEnumerable<string> Flags(ItemStats item, AnalysisSettings s)
    {
        if (item.PointBiserial < 0) yield return "negative-discrimination";
        else if (item.PointBiserial < s.LowDiscrimination) yield return "low-discrimination";
        var keyUpper = item.Options.Where(o => o.Choice.Correct && o.Upper is not null).Select(o => o.Upper!.Value).DefaultIfEmpty(double.NaN).Min();
        if (item.Options.Any(o => !o.Choice.Correct && o.Upper > keyUpper + 1e-9)) yield return "probably-miskeyed";
        if (item.Difficulty > s.TooEasy) yield return "too-easy";
        else if (item.Difficulty < s.TooHard) yield return "too-hard";
        if (item.Options.Any(o => !o.Choice.Correct && o.Proportion < s.IdleDistractor)) yield return "idle-distractor";
    }

    private static string N(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";
}
