using PdfSharp.Drawing;

namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// A paragraph of styled runs, also used for headings and captions (by tag). Keeps its first two
/// and last two lines together, so no line is left alone at the top or bottom of a page.
/// </summary>
public sealed class Paragraph(IReadOnlyList<TextRun> runs, TextStyle baseStyle, string tag = "P") : IComponent
{
    public IReadOnlyList<TextRun> Runs { get; } = runs;
    public double SpaceBefore { get; init; } = 6;
    public bool KeepWithNext { get; init; }
    public bool KeepTogether { get; init; }
    public string? Anchor { get; init; }
    public OutlineEntry? Outline { get; init; }
    public Align Align { get; init; }
    public double LineSpacing { get; init; } = Leading.Body;

    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var node = new StructNode(tag, area.Parent);
        var lines = LineBreaker.Break(Runs, area.Width, ctx.Fonts);
        var lineHeight = baseStyle.Size * LineSpacing;
        var baseline = lineHeight / 2 + baseStyle.Size * 0.36;
        var first = rows.Count;
        foreach (var line in lines)
        {
            var offset = Align switch { Align.Center => (area.Width - line.Width) / 2, Align.Right => area.Width - line.Width, _ => 0 };
            var x = area.X + offset;
            var row = new Row(lineHeight, (canvas, top) => DrawLine(canvas, node, line, x, top, lineHeight, baseline))
            {
                Frames = area.Frames,
                Baseline = baseline,
            };
            rows.Add(row);
        }
        var count = rows.Count - first;
        rows[first].SpaceBefore = SpaceBefore;
        rows[first].Anchor = Anchor;
        rows[first].Outline = Outline;
        for (var i = first; i < rows.Count; i++)
            if (KeepWithNext || KeepTogether && i < rows.Count - 1) rows[i].KeepWithNext = true;
        if (count >= 2)
        {
            rows[first].KeepWithNext = true;           // no orphan: the first line never ends a page alone
            rows[rows.Count - 2].KeepWithNext = true;  // no widow: the last line never starts a page alone
        }
    }

    internal static void DrawLine(PageCanvas canvas, StructNode node, TextLine line, double x, double top, double lineHeight, double baseline)
    {
        foreach (var span in line.Spans)
        {
            var rect = new XRect(x + span.X, top, span.Width, lineHeight);
            canvas.Text(node, span.Text, span.Style, x + span.X, top + baseline, span.Link, rect);
        }
    }
}
