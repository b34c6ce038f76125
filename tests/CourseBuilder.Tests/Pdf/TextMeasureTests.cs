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
