using CourseBuilder.Pdf.Layout;
using CourseBuilder.Markdown.PdfRendering;

namespace CourseBuilder.Markdown.Figures;

/// <summary>
/// Figures print at text width with their caption: PNG and JPEG as images, simple SVG diagrams as
/// vectors. Other formats, and SVG using features the vector drawing does not cover, print as a
/// bordered box holding the alt text, so the guide never shows a wrong picture.
/// </summary>
public sealed class FigurePdfRenderer : PdfObjectRenderer<FigureBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, FigureBlock block)
    {
        var url = block.Image.Url ?? "";
        var bytes = renderer.Options.LoadImage(url);
        var drawable = bytes is not null && (IsPng(bytes) || IsJpeg(bytes));
        var vector = bytes is not null && !drawable ? SvgDrawing.TryParse(bytes) : null;
        var note = bytes is null
            ? $"Image not found: {url}"
            : "This figure cannot be printed; the online course shows it.";
        IReadOnlyList<TextRun>? caption = block.Caption is { } c ? [new TextRun(c, renderer.Styles.Small with { Color = renderer.Styles.Text })] : null;
        renderer.Add(new FigureComponent(drawable ? bytes : null, vector, block.AltText, caption, note));
    }

    private static bool IsPng(byte[] b) => b.Length > 8 && b[0] == 0x89 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G';
    private static bool IsJpeg(byte[] b) => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
}
