using CourseBuilder.Pdf.Layout;
using PdfSharp.Drawing;

namespace CourseBuilder.Tests.Pdf;

public class TextMeasureTests
{
    [Theory]
    [InlineData(Face.Regular, "Most medical students were using social media long before they applied.")]
    [InlineData(Face.Bold, "Why it matters: risks and rewards — 52% (n=78)")]
    [InlineData(Face.Italic, "digital ethnography, “access” and ‘voice’")]
    [InlineData(Face.BoldItalic, "Ĉiuj ŝafoj — Ελληνικά, Кириллица")]
    [InlineData(Face.Mono, "var x = a[i] → b; // ∑")]
    public void Fast_widths_match_what_pdfsharp_measures(Face face, string text)
    {
        var fonts = new FontBook();
        var style = new TextStyle(face, 10.5, XColors.Black);
        Assert.Equal(fonts.MeasuredWidth(text, style), fonts.Width(text, style), 3);
    }
}

public class FontFallbackTests
{
    private static readonly TextStyle Body = new(Face.Regular, 10, XColors.Black);

    [Fact]
    public void Characters_the_sans_font_maps_stay_in_their_run()
    {
        var runs = FontFallback.Apply([new TextRun("Ĉiuj ŝafoj — Ελληνικά, Кириллица “€”", Body)]);
        Assert.Equal(["Ĉiuj ŝafoj — Ελληνικά, Кириллица “€”"], runs.Select(r => r.Text));
        Assert.Equal([Face.Regular], runs.Select(r => r.Style.Face));
    }

    [Fact]
    public void An_arrow_the_sans_font_lacks_switches_to_the_mono_face_for_itself_only()
    {
        // Open Sans maps ∑ (U+2211) but not → (U+2192): the hard-coded ranges this replaced sent both to mono.
        var runs = FontFallback.Apply([new TextRun("a → b ∑ c", Body)]);
        Assert.Equal(["a ", "→", " b ∑ c"], runs.Select(r => r.Text));
        Assert.Equal([Face.Regular, Face.Mono, Face.Regular], runs.Select(r => r.Style.Face));
    }

    [Theory]
    [InlineData(Face.Regular, 'A', true)]
    [InlineData(Face.Bold, 'ŝ', true)]
    [InlineData(Face.Italic, 'Ж', true)]
    [InlineData(Face.Regular, '→', false)]
    [InlineData(Face.Regular, '∑', true)]
    [InlineData(Face.Regular, '\u4E2D', false)] // CJK: in no bundled font
    [InlineData(Face.Mono, '→', true)]
    public void Coverage_comes_from_each_fonts_character_map(Face face, char c, bool covered) =>
        Assert.Equal(covered, FontBook.HasGlyph(face, c));
}
