using PdfSharp.Drawing;

namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// A node of the PDF structure tree (tagged PDF), created during layout. The canvas opens and
/// closes the matching PDFsharp structure elements as it draws, so an element can span pages.
/// </summary>
public sealed class StructNode
{
    public StructNode(string tag, StructNode? parent, string? altText = null)
    {
        Tag = tag;
        Parent = parent;
        AltText = altText;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public string Tag { get; }
    public StructNode? Parent { get; }
    public string? AltText { get; }
    public int Depth { get; }

    /// <summary>The root stands for PDFsharp's own Document element.</summary>
    public static StructNode NewRoot() => new("Document", null);

    public bool IsIllustration => Tag is "Figure" or "Formula";
}

/// <summary>
/// A box drawn behind a run of rows (callouts, quotes, code): the page writer draws one segment
/// per page the box spans, so a box broken across pages stays a box on both.
/// </summary>
public sealed class Frame
{
    public required double X { get; init; }
    public required double Width { get; init; }
    public XColor? Fill { get; init; }
    public XColor? Border { get; init; }
    public XColor? Bar { get; init; }
    public double BarWidth { get; init; } = 3;
}

/// <summary>A bookmark for the outline: the heading text at its level.</summary>
public sealed record OutlineEntry(int Level, string Title);

/// <summary>
/// The unit of pagination: a slice of content that never breaks (a line of text, a table row,
/// an image). Rows are laid out at absolute x positions; the paginator only decides their y.
/// </summary>
public sealed class Row
{
    public Row(double height, Action<PageCanvas, double> draw)
    {
        Height = height;
        Draw = draw;
    }

    public double Height { get; }

    /// <summary>Draws the row with its top at the given y (points from the top of the page).</summary>
    public Action<PageCanvas, double> Draw { get; set; }

    /// <summary>Gap above the row, dropped when the row starts a page.</summary>
    public double SpaceBefore { get; set; }

    /// <summary>The row may not end a page: headings, first and penultimate lines of paragraphs (orphans and widows).</summary>
    public bool KeepWithNext { get; set; }

    /// <summary>Starts a new page (the cover and the front matter end with one).</summary>
    public bool BreakBefore { get; set; }

    /// <summary>Offset of the first text baseline from the row's top, for list labels drawn beside it.</summary>
    public double? Baseline { get; set; }

    /// <summary>Boxes around the row, outermost first.</summary>
    public IReadOnlyList<Frame> Frames { get; set; } = [];

    /// <summary>A table's header row, repeated (as an artifact) when this row starts a page.</summary>
    public Row? RepeatHeader { get; set; }

    /// <summary>An id that internal links and the contents can point at.</summary>
    public string? Anchor { get; set; }

    public OutlineEntry? Outline { get; set; }

    /// <summary>From the page this row is on, the running head's right side reads this.</summary>
    public string? RunningHead { get; set; }
}
