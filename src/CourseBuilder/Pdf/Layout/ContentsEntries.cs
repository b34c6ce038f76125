using PdfSharp.Drawing;

namespace CourseBuilder.Pdf.Layout;

// The contents page: entries that link to their page and print its number, and in-text page references.

/// <summary>A line of the contents: the title links to its page; the page number sits at the right margin.</summary>
public sealed class ContentsEntry(string title, string anchor, int level) : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var style = level == 1 ? ctx.Styles.Body.WithBold() : ctx.Styles.Body;
        var indent = (level - 1) * 14;
        var numberWidth = 34;
        var tocItem = new StructNode("TOCI", area.Parent);
        var node = new StructNode("P", tocItem);
        var link = LinkTarget.Internal(anchor) with { Description = title };
        var lines = LineBreaker.Break([new TextRun(title, style, link)], area.Width - indent - numberWidth - 8, ctx.Fonts);
        var lineHeight = style.Size * Leading.Body;
        var baseline = lineHeight / 2 + style.Size * 0.36;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var last = i == lines.Count - 1;
            var x = area.X + indent;
            rows.Add(new Row(lineHeight, (canvas, top) =>
            {
                Paragraph.DrawLine(canvas, node, line, x, top, lineHeight, baseline);
                if (!last) return;
                var page = canvas.PageOf(anchor)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
                var pageWidth = ctx.Fonts.Width(page, style);
                var right = area.X + area.Width;
                canvas.Line(ctx.Styles.Rule, 0.5, x + line.Width + 6, top + baseline, right - pageWidth - 6, top + baseline, dotted: true);
                canvas.Text(node, page, style, right - pageWidth, top + baseline, link, new XRect(right - pageWidth, top, pageWidth, lineHeight));
            })
            {
                Frames = area.Frames,
                SpaceBefore = i == 0 ? (level == 1 ? 7 : 2) : 0,
                KeepWithNext = !last || level == 1,
                Baseline = baseline,
            });
        }
    }
}

/// <summary>
/// One short line that names the page an anchor landed on ("Answer on page 41"): paper has no
/// links, so a printed cross-reference needs the number, which is known only after pagination.
/// </summary>
public sealed class PageReference(string before, string anchor, string after, TextStyle style) : IComponent
{
    public double SpaceBefore { get; init; } = 6;
    public bool KeepWithNext { get; init; }

    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var node = new StructNode("P", area.Parent);
        var lineHeight = style.Size * Leading.Body;
        var baseline = lineHeight / 2 + style.Size * 0.36;
        var link = LinkTarget.Internal(anchor);
        rows.Add(new Row(lineHeight, (canvas, top) =>
        {
            var page = canvas.PageOf(anchor)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            var text = before + page + after;
            var width = ctx.Fonts.Width(text, style);
            canvas.Text(node, text, style, area.X, top + baseline, link with { Description = text }, new XRect(area.X, top, width, lineHeight));
        })
        {
            Frames = area.Frames, SpaceBefore = SpaceBefore, Baseline = baseline, KeepWithNext = KeepWithNext,
        });
    }
}
