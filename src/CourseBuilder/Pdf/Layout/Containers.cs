using PdfSharp.Drawing;

namespace CourseBuilder.Pdf.Layout;

// Components that hold other components: a column, a framed box, a list.

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
