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
