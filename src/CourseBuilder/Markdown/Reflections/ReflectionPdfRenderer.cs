using CourseBuilder.Markdown.Callouts;
using CourseBuilder.Pdf.Layout;
using CourseBuilder.Markdown.PdfRendering;

namespace CourseBuilder.Markdown.Reflections;

/// <summary>The prompt in a bordered box with ruled lines to write on; kept on one page.</summary>
public sealed class ReflectionPdfRenderer : PdfObjectRenderer<ReflectionBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, ReflectionBlock block)
    {
        var styles = renderer.Styles;
        var box = new Box(new Frame { X = 0, Width = 0, Border = styles.Rule }) { KeepTogether = true, Padding = 10 };
        box.Add(CalloutPdfRenderer.LabelLine(renderer, "Reflection", null, styles.Accent));
        foreach (var child in renderer.RenderChildren(block)) box.Add(child);
        box.Add(new RuledLines(Math.Clamp(block.Lines, 1, 20)));
        renderer.Add(box);
    }
}
