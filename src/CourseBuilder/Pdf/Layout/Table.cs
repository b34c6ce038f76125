using PdfSharp.Drawing;

namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// A table: columns sized from their content, cells wrapped, each row kept whole, and the header
/// row repeated at the top of every page the table continues on.
/// </summary>
public sealed class TableComponent(IReadOnlyList<IReadOnlyList<TextRun>>? header, IReadOnlyList<IReadOnlyList<IReadOnlyList<TextRun>>> body) : IComponent
{
    private const double PadX = 5, PadY = 4;

    /// <summary>Per-column alignment (Markdown's <c>:--:</c> and <c>--:</c>); missing columns align left.</summary>
    public IReadOnlyList<Align> Alignments { get; init; } = [];

    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        // Header cells print bold, so they are measured bold.
        var boldHeader = header?.Select(c => (IReadOnlyList<TextRun>)c.Select(r => r with { Style = r.Style.WithBold() }).ToList()).ToList();
        var all = (boldHeader is null ? body : body.Prepend(boldHeader)).ToList();
        var columns = all.Max(r => r.Count);
        if (columns == 0) return;
        var widths = ColumnWidths(ctx, all, columns, area.Width);
        var table = new StructNode("Table", area.Parent);
        Row? headerRow = null;
        if (header is not null)
        {
            var head = new StructNode("THead", table);
            headerRow = MakeRow(ctx, area, header, widths, Alignments, new StructNode("TR", head), isHeader: true, striped: false);
            headerRow.KeepWithNext = true;
            headerRow.SpaceBefore = 8;
            rows.Add(headerRow);
        }
        var tbody = new StructNode("TBody", table);
        for (var i = 0; i < body.Count; i++)
        {
            var row = MakeRow(ctx, area, body[i], widths, Alignments, new StructNode("TR", tbody), isHeader: false, striped: i % 2 == 1);
            row.RepeatHeader = headerRow;
            if (headerRow is null && i == 0) row.SpaceBefore = 8;
            rows.Add(row);
        }
        // Keep the first body row with the header, and the last two rows together.
        if (body.Count >= 2) rows[^2].KeepWithNext = true;
    }

    private static double[] ColumnWidths(LayoutContext ctx, List<IReadOnlyList<IReadOnlyList<TextRun>>> all, int columns, double available)
    {
        var natural = new double[columns];
        var minimum = new double[columns];
        foreach (var row in all)
            for (var c = 0; c < row.Count; c++)
            {
                var runs = row[c];
                natural[c] = Math.Max(natural[c], runs.Sum(r => ctx.Fonts.Width(r.Text, r.Style)) + 2 * PadX);
                foreach (var r in runs)
                    foreach (var word in r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        minimum[c] = Math.Max(minimum[c], Math.Min(ctx.Fonts.Width(word, r.Style), available / columns) + 2 * PadX);
            }
        var totalNatural = natural.Sum();
        if (totalNatural <= available)
            return natural.Select(n => n + (available - totalNatural) * n / totalNatural).ToArray();
        var totalMin = minimum.Sum();
        if (totalMin >= available)
            return minimum.Select(m => m * available / totalMin).ToArray();
        var stretch = natural.Zip(minimum, (n, m) => n - m).ToArray();
        var totalStretch = stretch.Sum();
        return minimum.Select((m, c) => m + (available - totalMin) * stretch[c] / totalStretch).ToArray();
    }

    private static Row MakeRow(LayoutContext ctx, Area area, IReadOnlyList<IReadOnlyList<TextRun>> cells, double[] widths, IReadOnlyList<Align> alignments, StructNode tr, bool isHeader, bool striped)
    {
        var style = ctx.Styles.Body;
        var lineHeight = style.Size * 1.4;
        var baseline = lineHeight / 2 + style.Size * 0.36;
        var laid = new List<(List<TextLine> Lines, StructNode Node, double X, double Width, Align Align)>();
        var x = area.X;
        for (var c = 0; c < widths.Length; c++)
        {
            IReadOnlyList<TextRun> runs = c < cells.Count ? cells[c] : [];
            if (isHeader) runs = runs.Select(r => r with { Style = r.Style.WithBold() }).ToList();
            laid.Add((LineBreaker.Break(runs, widths[c] - 2 * PadX, ctx.Fonts), new StructNode(isHeader ? "TH" : "TD", tr), x, widths[c], c < alignments.Count ? alignments[c] : Align.Left));
            x += widths[c];
        }
        var height = laid.Max(l => l.Lines.Count) * lineHeight + 2 * PadY;
        var styles = ctx.Styles;
        return new Row(height, (canvas, top) =>
        {
            if (isHeader) canvas.Fill(styles.Tint, new XRect(area.X, top, area.Width, height));
            else if (striped) canvas.Fill(XColor.FromArgb(0xf7, 0xf8, 0xfa), new XRect(area.X, top, area.Width, height));
            foreach (var (lines, node, cellX, cellWidth, align) in laid)
                for (var i = 0; i < lines.Count; i++)
                {
                    var room = cellWidth - 2 * PadX - lines[i].Width;
                    var shift = align switch { Align.Right => room, Align.Center => room / 2, _ => 0 };
                    Paragraph.DrawLine(canvas, node, lines[i], cellX + PadX + shift, top + PadY + i * lineHeight, lineHeight, baseline);
                }
            canvas.Line(isHeader ? styles.Accent : styles.Rule, isHeader ? 1.2 : 0.5, area.X, top + height, area.X + area.Width, top + height);
        })
        {
            Frames = area.Frames,
            Baseline = PadY + baseline,
        };
    }
}
