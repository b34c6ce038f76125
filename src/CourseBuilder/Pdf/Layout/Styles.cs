using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CourseBuilder.Pdf.Layout;

public enum Face { Regular, Bold, Italic, BoldItalic, Mono }

/// <summary>How a run of text looks. Small and immutable so runs can share it.</summary>
public readonly record struct TextStyle(Face Face, double Size, XColor Color, bool Underline = false)
{
    public TextStyle WithBold() => this with { Face = Face switch { Face.Italic => Face.BoldItalic, Face.Mono => Face.Mono, _ => Face.Bold } };
    public TextStyle WithItalic() => this with { Face = Face switch { Face.Bold => Face.BoldItalic, Face.Mono => Face.Mono, _ => Face.Italic } };
    public bool IsBold => Face is Face.Bold or Face.BoldItalic;
}

/// <summary>Where a link goes: a web address, or an anchor inside the same PDF. The description is what assistive technology announces.</summary>
public sealed record LinkTarget(string? Url, string? Anchor, string? Description = null)
{
    public static LinkTarget Web(string url) => new(url, null);
    public static LinkTarget Internal(string anchor) => new(null, anchor);
}

/// <summary>A piece of text in one style; a paragraph is a list of runs.</summary>
public sealed record TextRun(string Text, TextStyle Style, LinkTarget? Link = null);

/// <summary>
/// Line heights as multiples of the font size, in one place: body text, headings and labels
/// (tighter), and code blocks.
/// </summary>
public static class Leading
{
    public const double Body = 1.45;
    public const double Heading = 1.3;
    public const double Code = 1.35;
}

/// <summary>The guide's typographic scale and colours, derived from the course theme.</summary>
public sealed class GuideStyles
{
    public GuideStyles(string? accentHex)
    {
        Accent = ParseColor(accentHex) ?? XColor.FromArgb(0x1d, 0x5d, 0x90);
    }

    public XColor Accent { get; }
    public XColor Text { get; } = XColor.FromArgb(0x1f, 0x23, 0x28);
    public XColor Muted { get; } = XColor.FromArgb(0x55, 0x5d, 0x66);
    public XColor Rule { get; } = XColor.FromArgb(0xc4, 0xcb, 0xd3);
    public XColor Tint { get; } = XColor.FromArgb(0xee, 0xf3, 0xf8);
    public XColor CautionTint { get; } = XColor.FromArgb(0xfd, 0xf3, 0xe7);
    public XColor CautionBar { get; } = XColor.FromArgb(0xa8, 0x5a, 0x00);
    public XColor CodeTint { get; } = XColor.FromArgb(0xf2, 0xf2, 0xf2);
    public XColor Link { get; } = XColor.FromArgb(0x0b, 0x57, 0xa4);
    public XColor Correct { get; } = XColor.FromArgb(0x1b, 0x6e, 0x2e);

    public double BodySize => 10;

    public TextStyle Body => new(Face.Regular, BodySize, Text);
    public TextStyle Small => new(Face.Regular, 8.5, Muted);
    public TextStyle Label => new(Face.Bold, 8.5, Accent);
    public TextStyle Code => new(Face.Mono, BodySize * 0.9, Text);

    public TextStyle Heading(int level) => level switch
    {
        1 => new(Face.Bold, 20, Accent),
        2 => new(Face.Bold, 15, Accent),
        3 => new(Face.Bold, 12.5, Text),
        _ => new(Face.Bold, 11, Text),
    };

    public static XColor? ParseColor(string? hex)
    {
        if (hex is null) return null;
        var s = hex.Trim().TrimStart('#');
        if (s.Length != 6 || !int.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)) return null;
        return XColor.FromArgb((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    }
}

/// <summary>Fonts and text measurement, shared by every component of one document.</summary>
public sealed class FontBook
{
    private readonly Dictionary<(Face, double), XFont> _fonts = new();
    private readonly XGraphics _measure;

    public FontBook()
    {
        GuideFontResolver.Install();
        _measure = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public XFont Font(TextStyle style)
    {
        var key = (style.Face, style.Size);
        if (_fonts.TryGetValue(key, out var font)) return font;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        font = style.Face switch
        {
            Face.Mono => new XFont(GuideFontResolver.Mono, style.Size, XFontStyleEx.Regular, options),
            Face.Bold => new XFont(GuideFontResolver.Sans, style.Size, XFontStyleEx.Bold, options),
            Face.Italic => new XFont(GuideFontResolver.Sans, style.Size, XFontStyleEx.Italic, options),
            Face.BoldItalic => new XFont(GuideFontResolver.Sans, style.Size, XFontStyleEx.BoldItalic, options),
            _ => new XFont(GuideFontResolver.Sans, style.Size, XFontStyleEx.Regular, options),
        };
        _fonts[key] = font;
        return font;
    }

    private readonly Dictionary<XColor, XSolidBrush> _brushes = new();

    /// <summary>One brush per colour per document: text is drawn a run at a time, tens of thousands of runs a guide, and boxes as often.</summary>
    public XSolidBrush Brush(XColor color)
    {
        if (!_brushes.TryGetValue(color, out var brush)) _brushes[color] = brush = new XSolidBrush(color);
        return brush;
    }

    private static readonly Lazy<TrueTypeMetrics>[] Metrics =
    [
        new(() => new TrueTypeMetrics(GuideFontResolver.FaceBytes(GuideFontResolver.SansFace(false, false)))),
        new(() => new TrueTypeMetrics(GuideFontResolver.FaceBytes(GuideFontResolver.SansFace(true, false)))),
        new(() => new TrueTypeMetrics(GuideFontResolver.FaceBytes(GuideFontResolver.SansFace(false, true)))),
        new(() => new TrueTypeMetrics(GuideFontResolver.FaceBytes(GuideFontResolver.SansFace(true, true)))),
        new(() => new TrueTypeMetrics(GuideFontResolver.FaceBytes(GuideFontResolver.MonoFace))),
    ];

    /// <summary>Whether the face's font has a glyph for the character, from its character map.</summary>
    public static bool HasGlyph(Face face, char c) => Metrics[(int)face].Value.HasGlyph(c);

    /// <summary>Width of the text in points, from the font's advance widths (see <see cref="TrueTypeMetrics"/>).</summary>
    public double Width(string text, TextStyle style) =>
        text.Length == 0 ? 0 : Metrics[(int)style.Face].Value.Width(text, style.Size);

    /// <summary>The same width as PDFsharp measures it; slow, kept to check the fast path against.</summary>
    public double MeasuredWidth(string text, TextStyle style) => _measure.MeasureString(text, Font(style)).Width;
}
