using CourseBuilder.Markdown.Directives;
using CourseBuilder.Markdown.PdfRendering;
using Markdig;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Reveals;

/// <summary>Registers <c>::: reveal</c>: a disclosure the learner opens.</summary>
public sealed class RevealSyntax : ICourseSyntax
{
    public void RegisterDirectives(DirectiveExtension directives) => directives
        .Register("reveal", () => new RevealBlock());

    public IEnumerable<IMarkdownObjectRenderer> HtmlRenderers() => [new RevealHtmlRenderer()];

    public IEnumerable<IMarkdownObjectRenderer> PdfRenderers() => [new RevealPdfRenderer()];
}
