using CourseBuilder.Markdown.Callouts;
using CourseBuilder.Pdf.Layout;
using CourseBuilder.Markdown.PdfRendering;

namespace CourseBuilder.Markdown.Reveals;

/// <summary>Paper cannot hide text: the revealed content prints in a light box under its button label.</summary>
public sealed class RevealPdfRenderer : PdfObjectRenderer<RevealBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, RevealBlock block)
    {
        var styles = renderer.Styles;
        var box = new Box(new Frame { X = 0, Width = 0, Fill = styles.CodeTint, Bar = styles.Muted, BarWidth = 2 });
        box.Add(CalloutPdfRenderer.LabelLine(renderer, block.Label, null, styles.Muted));
        foreach (var child in renderer.RenderChildren(block)) box.Add(child);
        renderer.Add(box);
    }
}
