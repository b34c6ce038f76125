using CourseBuilder.Markdown.Callouts;
using CourseBuilder.Markdown.Directives;
using CourseBuilder.Pdf.Layout;
using CourseBuilder.Markdown.PdfRendering;

namespace CourseBuilder.Markdown.Discussions;

/// <summary>Discussion prompts and facilitator notes: a labelled box in the facilitator guide, nothing in the student's.</summary>
public sealed class FacilitatorOnlyPdfRenderer<T>(string label) : PdfObjectRenderer<T> where T : DirectiveBlock
{
    protected override void Write(PdfMarkdownRenderer renderer, T block)
    {
        if (renderer.Options.Audience != GuideAudience.Facilitator) return;
        renderer.Add(Boxed(renderer, label, block));
    }

    public static Box Boxed(PdfMarkdownRenderer renderer, string label, DirectiveBlock block)
    {
        var styles = renderer.Styles;
        var title = string.IsNullOrWhiteSpace(block.Attributes.Title) ? null : block.Attributes.Title;
        var box = new Box(new Frame { X = 0, Width = 0, Fill = styles.Tint, Bar = styles.Accent, BarWidth = 4 });
        box.Add(CalloutPdfRenderer.LabelLine(renderer, label, title, styles.Accent));
        foreach (var child in renderer.RenderChildren(block)) box.Add(child);
        return box;
    }
}
