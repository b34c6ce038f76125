namespace CourseBuilder.Pdf.Layout;

// Components that draw no text of their own: space, a running-head change, a page break, lines to write on, a rule.

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
