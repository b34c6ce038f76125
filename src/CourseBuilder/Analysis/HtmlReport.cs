using System.Globalization;
using System.Text;
using CourseBuilder.Diagnostics;
using CourseBuilder.Model;
using static System.Net.WebUtility;

namespace CourseBuilder.Analysis;

/// <summary>
/// The item-analysis report: one self-contained HTML page (inline CSS and SVG, no script, no
/// request outside the file), the same bytes for the same inputs. It names no student.
/// </summary>
public static class HtmlReport
{
    public const string Marker = "<meta name=\"generator\" content=\"coursebuilder analyze\">";

    private const string Style = """
        body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;margin:0}
        main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-variant-numeric:tabular-nums}
        caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
        td.num{text-align:right}
        figure{margin:1rem 0}
        svg{max-width:100%;height:auto}
        .warn{color:#8a3b00;font-weight:600}
        .note{color:#4a4a4a}
        code{font-size:.95em}
        """;

    public static string Render(Course course, AnalysisResult result, IReadOnlyList<Diagnostic> diagnostics)
    {
        var s = result.Settings;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n").Append(Marker).Append('\n')
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>Item analysis: {E(course.Title)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n<main>\n")
            .Append($"<h1>Item analysis: {E(course.Title)}</h1>\n");
        var files = string.Join(", ", result.Files.Select(f => $"{E(Path.GetFileName(f.Path))} ({E(f.FormatName)}, {f.Rows} rows, {f.RowsWithAnswers} with answers)"));
        html.Append($"<p>Analysed: each student's {(s.AllAttempts ? "every attempt" : "first attempt")} at each quiz, from {files}. ")
            .Append($"Items with fewer than {s.MinResponses} responses are marked <span class=\"warn\">not yet reliable</span>.</p>\n");

        // Findings about an item go with its quiz; the rest (the results files, the content) come first.
        var quizFiles = result.Quizzes.ToDictionary(q => q, q => q.Items.Select(i => i.Question.Location.Path).ToHashSet(StringComparer.Ordinal));
        var general = diagnostics.Where(d => !quizFiles.Values.Any(f => f.Contains(d.Location.Path))).ToList();
        if (general.Count > 0)
        {
            html.Append("<h2 id=\"reading-results\">Reading the results</h2>\n");
            FindingList(html, course, general);
        }
        foreach (var quiz in result.Quizzes) Quiz(html, course, quiz, s, diagnostics.Where(d => quizFiles[quiz].Contains(d.Location.Path)).ToList());
        if (result.Quizzes.Count == 0) html.Append("<p>No answers could be tied to the content's quizzes.</p>\n");
        Explanations(html, s);
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void Quiz(StringBuilder html, Course course, QuizStats quiz, AnalysisSettings s, IReadOnlyList<Diagnostic> findings)
    {
        var m = quiz.Module;
        var id = "m-" + m.Id;
        html.Append($"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">Module {m.Number}: {E(m.Title)}</h2>\n");
        html.Append($"<table>\n<caption>Quiz summary ({E(s.AttemptsLabel)})</caption>\n<tbody>\n");
        Row(html, "Attempts analysed", quiz.Attempts.ToString(CultureInfo.InvariantCulture));
        Row(html, "Students", quiz.Students.ToString(CultureInfo.InvariantCulture));
        Row(html, "Mean score", $"{Pct(quiz.MeanScore)} (standard deviation {Pct(quiz.SdScore)} points)");
        Row(html, "Pass rate", $"{Findings.P(quiz.PassRate)} ({quiz.Passed} of {quiz.Attempts} at or above the pass mark of {quiz.PassMark}%)");
        Row(html, "Attempts used", string.Join("; ", quiz.AttemptsUsed.Select(u => $"{u.Students} student(s) made {u.Attempts}")));
        var r = quiz.Reliability;
        Row(html, "Reliability", r.Value is { } v
            ? $"{Findings.F(v)} (standard error of measurement {Pct(r.StandardError ?? 0)} points, {Findings.F(r.MeanItems)} items per attempt)" +
              (quiz.Attempts < s.MinResponses ? $" <span class=\"warn\">not yet reliable: fewer than {s.MinResponses} attempts</span>" : "")
            : $"not estimated: {E(r.Reason ?? "")}", raw: true);
        html.Append("</tbody>\n</table>\n");

        html.Append($"<h3>Findings, module {m.Number}</h3>\n");
        if (findings.Count == 0) html.Append("<p>None: every item is within the thresholds.</p>\n");
        else FindingList(html, course, findings);

        html.Append("<figure>\n").Append(SvgCharts.Histogram(id + "-hist", quiz.Histogram, $"Score distribution, module {m.Number}"))
            .Append($"\n<figcaption>Score distribution of the {quiz.Attempts} attempt(s) analysed.</figcaption>\n</figure>\n");
        html.Append("<figure>\n").Append(SvgCharts.Scatter(id + "-scatter", quiz.Items, s, $"Difficulty against discrimination, module {m.Number}"))
            .Append("\n<figcaption>Difficulty against discrimination. Dashed lines: the too-hard and too-easy thresholds (across), zero and the low-discrimination threshold (up). Good items sit above the upper dashed line, between the vertical ones.</figcaption>\n</figure>\n");

        html.Append($"<table>\n<caption>Items of module {m.Number}</caption>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Responses</th><th scope=\"col\">Difficulty p</th>")
            .Append("<th scope=\"col\">Point-biserial r</th><th scope=\"col\">Upper−lower D</th><th scope=\"col\">Flags</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n");
        foreach (var item in quiz.Items)
        {
            var flags = string.Join(", ", ItemTable.Flags(item, s));
            html.Append($"<tr><th scope=\"row\"><a href=\"#{E(id)}-{E(item.Question.Id)}\">{E(item.Question.Id)}</a></th>")
                .Append($"<td class=\"num\">{item.Responses}{(item.Reliable ? "" : " <span class=\"warn\">(not yet reliable)</span>")}</td>")
                .Append($"<td class=\"num\">{Findings.F(item.Difficulty)}</td><td class=\"num\">{F(item.PointBiserial)}</td><td class=\"num\">{F(item.UpperLower)}</td>")
                .Append($"<td>{(flags.Length == 0 ? "none" : E(flags))}</td><td><code>{E(Relative(course, item.Question.Location.Path))}:{item.Question.Location.Line}</code></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");

        html.Append($"<h3>Options per item, module {m.Number}</h3>\n");
        foreach (var item in quiz.Items)
        {
            var itemId = $"{id}-{item.Question.Id}";
            html.Append($"<h4 id=\"{E(itemId)}\">{E(item.Question.Id)}</h4>\n<p>{E(item.Question.StemText)}</p>\n");
            html.Append("<figure>\n").Append(SvgCharts.OptionBars(itemId + "-bars", item, $"Options chosen, {item.Question.Id}")).Append("\n</figure>\n");
            html.Append($"<table>\n<caption>Options of {E(item.Question.Id)} over {item.Responses} response(s)</caption>\n")
                .Append("<thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Text</th><th scope=\"col\">Chosen</th><th scope=\"col\">Share</th><th scope=\"col\">Upper group</th><th scope=\"col\">Lower group</th></tr></thead>\n<tbody>\n");
            foreach (var o in item.Options)
                html.Append($"<tr><th scope=\"row\">{o.Choice.Key}{(o.Choice.Correct ? " (key)" : "")}</th><td>{E(o.Choice.PlainText)}</td><td class=\"num\">{o.Chosen}</td>")
                    .Append($"<td class=\"num\">{Findings.P(o.Proportion)}</td><td class=\"num\">{P(o.Upper)}</td><td class=\"num\">{P(o.Lower)}</td></tr>\n");
            html.Append("</tbody>\n</table>\n");
        }
        html.Append("</section>\n");
    }

    private static void Explanations(StringBuilder html, AnalysisSettings s) => html.Append($"""
        <h2 id="reading">How to read this report</h2>
        <dl>
        <dt>Difficulty p</dt><dd>The proportion of responses that were right. Flagged above {Findings.F(s.TooEasy)} (too easy) and below {Findings.F(s.TooHard)} (too hard).</dd>
        <dt>Point-biserial r</dt><dd>The correlation between getting this item right and the score on the attempt's other items (corrected item-total). Flagged below {Findings.F(s.LowDiscrimination)}; a negative value usually means a wrong key or a misleading stem.</dd>
        <dt>Upper−lower D</dt><dd>The proportion right in the top {Findings.P(s.GroupFraction)} of attempts by score minus that in the bottom {Findings.P(s.GroupFraction)}; attempts tied at a group's boundary share its last places.</dd>
        <dt>Options</dt><dd>A wrong option chosen by fewer than {Findings.P(s.IdleDistractor)} of responses is not working as a distractor. A wrong option that the upper group chose more often than the key suggests the item is miskeyed.</dd>
        <dt>Reliability</dt><dd>{E(ReliabilityEstimate.Method)}: every attempt draws its own items, so KR-20, which needs everyone to answer the same items, does not apply. The coefficient counts differences between the items drawn as error, so it is lower than KR-20 would be on a fixed form. It treats the draw as random from the pool; with few attempts or few items per attempt it is imprecise.</dd>
        </dl>
        <p>docs/item-analysis.md in CourseBuilder's repository explains each statistic and how to export results.</p>

        """);

    private static void FindingList(StringBuilder html, Course course, IReadOnlyList<Diagnostic> diagnostics)
    {
        html.Append("<ul>\n");
        foreach (var d in diagnostics)
            html.Append($"<li><code>{E(Relative(course, d.Location.Path))}:{d.Location.Line}</code> {(d.IsError ? "error" : "warning")} {E(d.Code)}: {E(d.Message)}</li>\n");
        html.Append("</ul>\n");
    }

    private static void Row(StringBuilder html, string header, string value, bool raw = false) =>
        html.Append($"<tr><th scope=\"row\">{E(header)}</th><td>{(raw ? value : E(value))}</td></tr>\n");

    private static string Relative(Course course, string path) =>
        Path.IsPathRooted(path) && path.StartsWith(course.ContentDirectory, StringComparison.Ordinal)
            ? Path.GetRelativePath(course.ContentDirectory, path).Replace('\\', '/')
            : Path.GetFileName(path);

    private static string E(string text) => HtmlEncode(text);
    private static string F(double? v) => v is { } x && !double.IsNaN(x) ? Findings.F(x) : "—";
    private static string P(double? v) => v is { } x && !double.IsNaN(x) ? Findings.P(x) : "—";
    private static string Pct(double proportion) => (100 * proportion).ToString("0.0", CultureInfo.InvariantCulture);
}
