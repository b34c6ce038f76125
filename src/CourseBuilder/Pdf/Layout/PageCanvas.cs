using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// Keeps PDFsharp's structure stack in step with the <see cref="StructNode"/> of whatever is
/// drawn next. Elements stay open across page breaks, so a paragraph split over two pages is one
/// P element with content on both.
/// </summary>
internal sealed class StructureState(StructureBuilder builder, DateTime timestamp)
{
    private int _annotations;

    /// <summary>PDFsharp stamps annotations with a random name and the current time; these replace both.</summary>
    public void Stamp(PdfLinkAnnotation annotation)
    {
        annotation.Elements.SetString("/NM", "cb-link-" + (++_annotations).ToString(System.Globalization.CultureInfo.InvariantCulture));
        annotation.Elements.SetDateTime("/M", timestamp);
    }

    private static readonly HashSet<string> Grouping = ["Sect", "Div", "Part", "Art", "BlockQuote", "TOC", "TOCI", "NonStruct"];
    private readonly List<StructNode> _open = [];

    public StructureBuilder Builder => builder;

    public void Ensure(StructNode node, XRect? illustrationBounds = null)
    {
        // Most draws continue the element already open (the next run of the same paragraph).
        if (_open.Count > 0 && ReferenceEquals(_open[^1], node)) return;
        var chain = new List<StructNode>();
        for (var n = node; n?.Parent is not null; n = n.Parent) chain.Add(n);
        chain.Reverse();
        var common = 0;
        while (common < chain.Count && common < _open.Count && ReferenceEquals(chain[common], _open[common])) common++;
        while (_open.Count > common)
        {
            builder.End();
            _open.RemoveAt(_open.Count - 1);
        }
        for (var i = common; i < chain.Count; i++)
        {
            var n = chain[i];
            if (n.IsIllustration) builder.BeginIllustrationElement(n.Tag, n.AltText ?? "", illustrationBounds ?? new XRect());
            else if (Grouping.Contains(n.Tag)) builder.BeginGroupingElement(n.Tag);
            else builder.BeginBlockLevelElement(n.Tag);
            _open.Add(n);
        }
    }

    public void CloseAll()
    {
        while (_open.Count > 0)
        {
            builder.End();
            _open.RemoveAt(_open.Count - 1);
        }
    }
}

/// <summary>
/// What rows draw on: one page's XGraphics, with tagging handled here. Text goes into its
/// structure element; boxes, rules and everything in <see cref="ArtifactMode"/> are artifacts.
/// </summary>
public sealed class PageCanvas
{
    private readonly XGraphics _gfx;
    private readonly StructureState _structure;
    private readonly FontBook _fonts;
    private readonly Func<string, (int Page, double Y)?> _resolve;

    internal PageCanvas(XGraphics gfx, StructureState structure, FontBook fonts, Func<string, (int Page, double Y)?> resolve)
    {
        _gfx = gfx;
        _structure = structure;
        _fonts = fonts;
        _resolve = resolve;
    }

    /// <summary>Drawing that repeats or decorates (running heads, repeated table headers) is not content.</summary>
    public bool ArtifactMode { get; set; }

    public int? PageOf(string anchor) => _resolve(anchor)?.Page;

    /// <summary>Draws text into its structure element; with no element (running heads) or in artifact mode, as an artifact.</summary>
    public void Text(StructNode? node, string text, TextStyle style, double x, double baseline, LinkTarget? link = null, XRect? linkRect = null)
    {
        if (text.Length == 0) return;
        var font = _fonts.Font(style);
        var brush = _fonts.Brush(style.Color);
        if (ArtifactMode || node is null)
        {
            Artifact(() => _gfx.DrawString(text, font, brush, x, baseline));
            return;
        }
        _structure.Ensure(node);
        var annotation = link is null || linkRect is null ? null : CreateLink(link, linkRect.Value);
        if (annotation is null)
        {
            _gfx.DrawString(text, font, brush, x, baseline);
            return;
        }
        _structure.Builder.BeginElement(annotation, link!.Description ?? link.Url ?? text);
        _gfx.DrawString(text, font, brush, x, baseline);
        _structure.Builder.End();
        if (link.Url is not null) Line(style.Color, 0.5, x, baseline + 1.5, x + linkRect!.Value.Width, baseline + 1.5);
    }

    private PdfLinkAnnotation? CreateLink(LinkTarget link, XRect rect)
    {
        var pdfRect = new PdfRectangle(_gfx.Transformer.WorldToDefaultPage(rect));
        PdfLinkAnnotation? annotation = null;
        if (link.Url is { } url) annotation = PdfLinkAnnotation.CreateWebLink(pdfRect, url);
        else if (link.Anchor is { } anchor && _resolve(anchor) is { } target)
            // The destination point is written as given, so it must be in PDF space (y from the bottom).
            annotation = PdfLinkAnnotation.CreateDocumentLink(pdfRect, target.Page, new XPoint(0, Math.Round(_gfx.PageSize.Height - target.Y, 2)));
        if (annotation is not null) _structure.Stamp(annotation);
        return annotation;
    }

    public void Fill(XColor color, XRect rect) => Artifact(() => _gfx.DrawRectangle(_fonts.Brush(color), rect));

    public void StrokeRect(XColor color, double width, XRect rect, bool dashed = false) => Artifact(() =>
        _gfx.DrawRectangle(new XPen(color, width) { DashStyle = dashed ? XDashStyle.Dash : XDashStyle.Solid }, rect));

    public void Line(XColor color, double width, double x1, double y1, double x2, double y2, bool dotted = false)
    {
        if (x2 <= x1 && y1 == y2) return;
        Artifact(() => _gfx.DrawLine(new XPen(color, width) { DashStyle = dotted ? XDashStyle.Dot : XDashStyle.Solid }, x1, y1, x2, y2));
    }

    /// <summary>An empty answer box (square) or radio circle beside a choice.</summary>
    public void Shape(bool circle, XRect rect, XColor color) => Artifact(() =>
    {
        var pen = new XPen(color, 0.8);
        if (circle) _gfx.DrawEllipse(pen, rect);
        else _gfx.DrawRectangle(pen, rect);
    });

    public void Image(StructNode figure, XImage image, XRect rect)
    {
        if (ArtifactMode) { Artifact(() => _gfx.DrawImage(image, rect)); return; }
        _structure.Ensure(figure, rect);
        _gfx.DrawImage(image, rect);
    }

    /// <summary>Vector drawing (an SVG figure) inside its Figure element.</summary>
    public void Vector(StructNode figure, XRect rect, Action<XGraphics> draw)
    {
        if (ArtifactMode) { Artifact(() => draw(_gfx)); return; }
        _structure.Ensure(figure, rect);
        draw(_gfx);
    }

    /// <summary>Opens a Figure element for content drawn into it (the described box of an image that cannot be drawn).</summary>
    public void BeginFigure(StructNode figure, XRect rect)
    {
        if (!ArtifactMode) _structure.Ensure(figure, rect);
    }

    private void Artifact(Action draw)
    {
        _structure.Builder.BeginArtifact();
        draw();
        _structure.Builder.End();
    }
}
