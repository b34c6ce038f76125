using CourseBuilder.Markdown.Directives;
using CourseBuilder.Markdown.PdfRendering;
using Markdig;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Discussions;

/// <summary>Registers facilitator-only blocks: <c>::: discussion</c> prompts and <c>::: facilitator</c> notes, printed only in the facilitator guide.</summary>
public sealed class DiscussionSyntax : ICourseSyntax
{
    public void RegisterDirectives(DirectiveExtension directives) => directives
        .Register("discussion", () => new DiscussionBlock())
        .Register("facilitator", () => new FacilitatorNoteBlock());

    public IEnumerable<IMarkdownObjectRenderer> HtmlRenderers() => [new FacilitatorOnlyHtmlRenderer<DiscussionBlock>(), new FacilitatorOnlyHtmlRenderer<FacilitatorNoteBlock>()];

    public IEnumerable<IMarkdownObjectRenderer> PdfRenderers() => [new FacilitatorOnlyPdfRenderer<DiscussionBlock>("Discussion"), new FacilitatorOnlyPdfRenderer<FacilitatorNoteBlock>("Facilitator note")];
}
