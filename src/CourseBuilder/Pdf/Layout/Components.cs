using PdfSharp.Drawing;

namespace CourseBuilder.Pdf.Layout;

/// <summary>Everything a component needs to lay itself out.</summary>
public sealed class LayoutContext(FontBook fonts, GuideStyles styles, double pageContentHeight)
{
    public FontBook Fonts { get; } = fonts;
    public GuideStyles Styles { get; } = styles;
    public double PageContentHeight { get; } = pageContentHeight;
}

/// <summary>The horizontal band a component lays out in, the boxes around it and its structure parent.</summary>
public sealed record Area(double X, double Width, IReadOnlyList<Frame> Frames, StructNode Parent)
{
    /// <summary>
    /// The narrowest band laid out: each box and list indents its content, and deep nesting would
    /// otherwise leave a negative width, which PDFsharp refuses to draw. Text then runs past the
    /// right edge of its box rather than stopping the build.
    /// </summary>
    public const double MinimumWidth = 36;

    private readonly double _width = Math.Max(MinimumWidth, Width);
    public double Width { get => _width; init => _width = Math.Max(MinimumWidth, value); }

    public Area Indent(double left, double right = 0) => this with { X = X + left, Width = Width - left - right };
    public Area Within(StructNode parent) => this with { Parent = parent };
}

/// <summary>One thing on the page (a paragraph, a table, a box of other components) that turns itself into rows.</summary>
public interface IComponent
{
    void Layout(LayoutContext ctx, Area area, List<Row> rows);
}

public enum Align { Left, Center, Right }

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

/// <summary>Children one below the other, optionally grouped under a structure element (Sect, Div, …).</summary>
public class Column(string? tag = null) : IComponent
{
    public List<IComponent> Children { get; } = [];
    public double SpaceBefore { get; init; }

    public void Add(IComponent child) => Children.Add(child);

    public virtual void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var inner = tag is null ? area : area.Within(new StructNode(tag, area.Parent));
        var first = rows.Count;
        foreach (var child in Children) child.Layout(ctx, inner, rows);
        if (rows.Count > first && SpaceBefore > 0) rows[first].SpaceBefore = Math.Max(rows[first].SpaceBefore, SpaceBefore);
    }
}

/// <summary>A labelled or plain box around its children: callouts, block quotes, questions, code.</summary>
public sealed class Box(Frame style, string tag = "Div") : IComponent
{
    public List<IComponent> Children { get; } = [];
    public double Padding { get; init; } = 8;
    public double SpaceBefore { get; init; } = 10;
    /// <summary>Small boxes (a quote of two lines) stay whole on one page.</summary>
    public bool KeepTogether { get; init; }

    public void Add(IComponent child) => Children.Add(child);

    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var frame = new Frame
        {
            X = area.X, Width = area.Width, Fill = style.Fill, Border = style.Border, Bar = style.Bar, BarWidth = style.BarWidth,
        };
        var frames = area.Frames.Append(frame).ToList();
        var left = Padding + (style.Bar is null ? 0 : style.BarWidth);
        var inner = new Area(area.X + left, area.Width - left - Padding, frames, new StructNode(tag, area.Parent));
        var first = rows.Count;
        rows.Add(new Row(Padding - 4, (_, _) => { }) { Frames = frames, SpaceBefore = SpaceBefore, KeepWithNext = true });
        var firstChild = rows.Count;
        foreach (var child in Children) child.Layout(ctx, inner, rows);
        if (rows.Count > firstChild) rows[firstChild].SpaceBefore = 0;
        rows[^1].KeepWithNext = true;
        rows.Add(new Row(Padding, (_, _) => { }) { Frames = frames });
        if (KeepTogether)
            for (var i = first; i < rows.Count - 1; i++) rows[i].KeepWithNext = true;
    }
}

/// <summary>What marks a list item: a bullet or number, or an empty answer box for a question's choice.</summary>
public enum LabelShape { Text, Circle, Square }

public sealed record ListItem(string Label, IReadOnlyList<IComponent> Body, LabelShape Shape = LabelShape.Text);

/// <summary>A bulleted or numbered list, tagged L / LI / Lbl / LBody; nested lists indent further.</summary>
public sealed class ListComponent(IReadOnlyList<ListItem> items) : IComponent
{
    public double SpaceBefore { get; init; } = 6;
    public double ItemSpacing { get; init; } = 3;
    public TextStyle? LabelStyle { get; init; }

    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var list = new StructNode("L", area.Parent);
        var labelStyle = LabelStyle ?? ctx.Styles.Body;
        var widest = items.Count == 0 ? 0 : items.Max(i => ctx.Fonts.Width(i.Label, labelStyle));
        var indent = Math.Max(16, widest + 8 + (items.Any(i => i.Shape != LabelShape.Text) ? 14 : 0));
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var li = new StructNode("LI", list);
            var lbl = new StructNode("Lbl", li);
            var body = new StructNode("LBody", li);
            var first = rows.Count;
            foreach (var child in item.Body) child.Layout(ctx, new Area(area.X + indent, area.Width - indent, area.Frames, body), rows);
            if (rows.Count == first) rows.Add(new Row(labelStyle.Size * Leading.Body, (_, _) => { }) { Frames = area.Frames, Baseline = labelStyle.Size * 1.08 });
            rows[first].SpaceBefore = n == 0 ? SpaceBefore : ItemSpacing;
            var target = rows.Skip(first).FirstOrDefault(r => r.Baseline is not null) ?? rows[first];
            var baseline = target.Baseline ?? labelStyle.Size;
            var drawBody = target.Draw;
            var x = area.X;
            var label = item.Label;
            var shape = item.Shape;
            var labelWidth = ctx.Fonts.Width(label, labelStyle);
            target.Draw = (canvas, top) =>
            {
                var y = top + baseline;
                switch (shape)
                {
                    case LabelShape.Text:
                        canvas.Text(lbl, label, labelStyle, x + indent - 6 - labelWidth, y);
                        break;
                    default:
                        var size = labelStyle.Size * 0.95;
                        var box = new XRect(x + 1, y - size * 0.82, size, size);
                        canvas.Shape(shape == LabelShape.Circle, box, ctx.Styles.Muted);
                        canvas.Text(lbl, label, labelStyle, x + indent - 6 - labelWidth, y);
                        break;
                }
                drawBody(canvas, top);
            };
        }
    }
}

/// <summary>Space of a fixed height (the cover uses it to place its title).</summary>
public sealed class Spacer(double height) : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows) =>
        rows.Add(new Row(height, (_, _) => { }) { Frames = area.Frames });
}

/// <summary>Changes the running head from the page it lands on (a whole-course guide names each module).</summary>
public sealed class RunningHead(string text) : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows) =>
        rows.Add(new Row(0, (_, _) => { }) { RunningHead = text });
}

/// <summary>Starts a new page.</summary>
public sealed class PageBreak : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows) =>
        rows.Add(new Row(0, (_, _) => { }) { BreakBefore = true });
}

/// <summary>Ruled lines to write on, under a reflection prompt. Decoration, so artifacts.</summary>
public sealed class RuledLines(int count, double spacing = 24) : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        for (var i = 0; i < count; i++)
        {
            var row = new Row(spacing, (canvas, top) =>
                canvas.Line(ctx.Styles.Rule, 0.6, area.X, top + spacing - 2, area.X + area.Width, top + spacing - 2))
            {
                Frames = area.Frames,
                KeepWithNext = i < count - 1,
            };
            rows.Add(row);
        }
    }
}

/// <summary>A thin horizontal rule (Markdown's thematic break).</summary>
public sealed class HorizontalRule : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows) =>
        rows.Add(new Row(14, (canvas, top) => canvas.Line(ctx.Styles.Rule, 0.8, area.X, top + 7, area.X + area.Width, top + 7))
        {
            Frames = area.Frames, SpaceBefore = 4,
        });
}

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
