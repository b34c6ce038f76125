using CourseBuilder.Markdown.Directives;
using CourseBuilder.Markdown.PdfRendering;
using Markdig;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Questions;

/// <summary>Registers questions and scenarios (<c>::: question</c>, <c>::: scenario</c>): one block type, bound to the model by <see cref="QuestionBinder"/>.</summary>
public sealed class QuestionSyntax : ICourseSyntax
{
    public void RegisterDirectives(DirectiveExtension directives) => directives
        .Register("question", () => new QuestionBlock())
        .Register("scenario", () => new QuestionBlock());

    public IEnumerable<IMarkdownObjectRenderer> HtmlRenderers() => [new QuestionHtmlRenderer()];

    public IEnumerable<IMarkdownObjectRenderer> PdfRenderers() => [new QuestionPdfRenderer()];
}
