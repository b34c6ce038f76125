using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace CourseBuilder.Analysis;

/// <summary>
/// The report's charts as inline SVG: no script, no outside file. Each is role="img" with a
/// &lt;title&gt; and a &lt;desc&gt; that says what it shows in words, and the numbers are in a
/// table next to it, so nothing is conveyed by the picture alone.
/// </summary>
public static class SvgCharts
{
    private const string Ink = "#1a1a1a", Bar = "#1d5d90", KeyBar = "#1e6b2f", Grid = "#767676";

    public static string Histogram(string id, IReadOnlyList<int> bins, string title)
    {
        const int width = 520, height = 240, left = 44, bottom = 40, top = 16, right = 12;
        var max = Math.Max(1, bins.Max());
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var svg = Open(id, width, height, title,
            "Number of attempts per score band: " + string.Join("; ", bins.Select((c, i) => $"{Band(i)} %: {c}")) + ".");
        foreach (var tick in Ticks(max))
        {
            var y = top + plotH - plotH * tick / (double)max;
            svg.Append($"<line x1=\"{left}\" y1=\"{N(y)}\" x2=\"{width - right}\" y2=\"{N(y)}\" stroke=\"{Grid}\" stroke-width=\"0.5\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{tick}</text>");
        }
        var slot = plotW / (double)bins.Count;
        for (var i = 0; i < bins.Count; i++)
        {
            var h = plotH * bins[i] / (double)max;
            svg.Append($"<rect x=\"{N(left + i * slot + 3)}\" y=\"{N(top + plotH - h)}\" width=\"{N(slot - 6)}\" height=\"{N(h)}\" fill=\"{Bar}\"><title>{Band(i)} %: {bins[i]}</title></rect>");
            svg.Append($"<text x=\"{N(left + (i + 0.5) * slot)}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\">{Band(i)}</text>");
        }
        svg.Append($"<text x=\"{left + plotW / 2}\" y=\"{height - 6}\" text-anchor=\"middle\">score (%)</text>");
        svg.Append($"<text x=\"12\" y=\"{top + plotH / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {top + plotH / 2})\">attempts</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Difficulty (x, 0 to 1) against discrimination (y, −1 to 1), with the thresholds as dashed lines.</summary>
    public static string Scatter(string id, IReadOnlyList<ItemStats> items, AnalysisSettings settings, string title)
    {
        const int width = 520, height = 320, left = 52, bottom = 44, top = 16, right = 16;
        double plotW = width - left - right, plotH = height - top - bottom;
        double X(double p) => left + plotW * p;
        double Y(double r) => top + plotH * (1 - r) / 2;
        var plotted = items.Where(i => i.PointBiserial is not null).ToList();
        var missing = items.Count - plotted.Count;
        var svg = Open(id, width, height, title,
            $"Each item as a point: difficulty (proportion right) across, discrimination (corrected point-biserial) up. " +
            string.Join("; ", plotted.Select(i => $"{i.Question.Id}: p {Findings.F(i.Difficulty)}, r {Findings.F(i.PointBiserial!.Value)}")) + "." +
            (missing > 0 ? $" {missing} item(s) without a computable discrimination are not drawn." : ""));
        svg.Append($"<rect x=\"{left}\" y=\"{top}\" width=\"{N(plotW)}\" height=\"{N(plotH)}\" fill=\"none\" stroke=\"{Grid}\"/>");
        foreach (var (x, label) in new[] { (settings.TooHard, "too hard"), (settings.TooEasy, "too easy") })
            svg.Append($"<line x1=\"{N(X(x))}\" y1=\"{top}\" x2=\"{N(X(x))}\" y2=\"{N(top + plotH)}\" stroke=\"{Grid}\" stroke-dasharray=\"4 3\"><title>{label}: {Findings.F(x)}</title></line>");
        foreach (var (y, label) in new[] { (settings.LowDiscrimination, "low discrimination"), (0.0, "zero") })
            svg.Append($"<line x1=\"{left}\" y1=\"{N(Y(y))}\" x2=\"{N(left + plotW)}\" y2=\"{N(Y(y))}\" stroke=\"{Grid}\" stroke-dasharray=\"4 3\"><title>{label}: {Findings.F(y)}</title></line>");
        foreach (var tick in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
            svg.Append($"<text x=\"{N(X(tick))}\" y=\"{N(top + plotH + 16)}\" text-anchor=\"middle\">{Findings.F(tick)}</text>");
        foreach (var tick in new[] { -1.0, -0.5, 0.0, 0.5, 1.0 })
            svg.Append($"<text x=\"{left - 6}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\">{Findings.F(tick)}</text>");
        svg.Append($"<text x=\"{N(left + plotW / 2)}\" y=\"{height - 6}\" text-anchor=\"middle\">difficulty (proportion right)</text>");
        svg.Append($"<text x=\"14\" y=\"{N(top + plotH / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {N(top + plotH / 2)})\">discrimination</text>");
        foreach (var item in plotted)
            svg.Append($"<circle cx=\"{N(X(item.Difficulty))}\" cy=\"{N(Y(item.PointBiserial!.Value))}\" r=\"5\" fill=\"{Bar}\" fill-opacity=\"0.75\" stroke=\"{Ink}\">" +
                       $"<title>{HtmlEncode(item.Question.Id)}: p {Findings.F(item.Difficulty)}, r {Findings.F(item.PointBiserial!.Value)}</title></circle>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One horizontal bar per option: the share of respondents who chose it; the key is labelled "(key)" and drawn darker.</summary>
    public static string OptionBars(string id, ItemStats item, string title)
    {
        const int width = 520, left = 88, right = 56, row = 26, top = 6;
        var height = top * 2 + row * item.Options.Count;
        var plotW = width - left - right;
        var svg = Open(id, width, height, title,
            "Share of responses choosing each option: " +
            string.Join("; ", item.Options.Select(o => $"{o.Choice.Key}{(o.Choice.Correct ? " (key)" : "")} {Findings.P(o.Proportion)}")) + ".");
        for (var i = 0; i < item.Options.Count; i++)
        {
            var o = item.Options[i];
            var y = top + i * row;
            var w = plotW * o.Proportion;
            svg.Append($"<text x=\"{left - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{o.Choice.Key}{(o.Choice.Correct ? " (key)" : "")}</text>");
            svg.Append($"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{N(plotW)}\" height=\"18\" fill=\"none\" stroke=\"{Grid}\" stroke-width=\"0.5\"/>");
            svg.Append($"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{N(w)}\" height=\"18\" fill=\"{(o.Choice.Correct ? KeyBar : Bar)}\"/>");
            svg.Append($"<text x=\"{N(left + plotW + 6)}\" y=\"{y + 17}\">{Findings.P(o.Proportion)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, int width, int height, string title, string desc) =>
        new StringBuilder($"<svg role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" ")
            .Append($"aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"{Ink}\">")
            .Append($"<title id=\"{id}-title\">{HtmlEncode(title)}</title><desc id=\"{id}-desc\">{HtmlEncode(desc)}</desc>");

    private static IEnumerable<int> Ticks(int max)
    {
        var step = Math.Max(1, (int)Math.Ceiling(max / 5.0));
        for (var t = 0; t <= max; t += step) yield return t;
    }

    private static string Band(int i) => i == 9 ? "90–100" : $"{i * 10}–{i * 10 + 9}";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
