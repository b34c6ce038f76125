using CourseBuilder.Markdown.Directives;
using CourseBuilder.Markdown.PdfRendering;
using Markdig;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Reflections;

/// <summary>Registers <c>::: reflection</c>: a free-text answer kept in the learner's browser, ruled lines in print.</summary>
public sealed class ReflectionSyntax : ICourseSyntax
{
    public void RegisterDirectives(DirectiveExtension directives) => directives
        .Register("reflection", () => new ReflectionBlock());

    public IEnumerable<IMarkdownObjectRenderer> HtmlRenderers() => [new ReflectionHtmlRenderer()];

    public IEnumerable<IMarkdownObjectRenderer> PdfRenderers() => [new ReflectionPdfRenderer()];
}
