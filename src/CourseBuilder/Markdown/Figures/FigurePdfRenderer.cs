using CourseBuilder.Pdf.Layout;
using CourseBuilder.Pdf.Markdown;

namespace CourseBuilder.Markdown.Figures;

/// <summary>
/// PNG and JPEG figures are drawn at text width with their caption. PDFsharp cannot draw SVG (nor
/// any other format), so those print as a bordered box holding the alt text and the caption.
/// </summary>
public sealed class FigurePdfRenderer : PdfObjectRenderer<FigureBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, FigureBlock block)
    {
        var url = block.Image.Url ?? "";
        var bytes = renderer.Options.LoadImage(url);
        var drawable = bytes is not null && (IsPng(bytes) || IsJpeg(bytes));
        var note = bytes is null
            ? $"Image not found: {url}"
            : "This figure is shown in the online course; the printed guide describes it.";
        IReadOnlyList<TextRun>? caption = block.Caption is { } c ? [new TextRun(c, renderer.Styles.Small with { Color = renderer.Styles.Text })] : null;
        renderer.Add(new FigureComponent(drawable ? bytes : null, block.AltText, caption, note));
    }

    private static bool IsPng(byte[] b) => b.Length > 8 && b[0] == 0x89 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G';
    private static bool IsJpeg(byte[] b) => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
}
