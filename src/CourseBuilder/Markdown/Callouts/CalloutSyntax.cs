using CourseBuilder.Markdown.Directives;
using CourseBuilder.Markdown.PdfRendering;
using Markdig;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Callouts;

/// <summary>Registers callouts: <c>::: key-point</c>, <c>::: case</c> and <c>::: caution</c>.</summary>
public sealed class CalloutSyntax : ICourseSyntax
{
    public void RegisterDirectives(DirectiveExtension directives) => directives
        .Register("key-point", () => new CalloutBlock(CalloutKind.KeyPoint))
        .Register("case", () => new CalloutBlock(CalloutKind.Case))
        .Register("caution", () => new CalloutBlock(CalloutKind.Caution));

    public IEnumerable<IMarkdownObjectRenderer> HtmlRenderers() => [new CalloutHtmlRenderer()];

    public IEnumerable<IMarkdownObjectRenderer> PdfRenderers() => [new CalloutPdfRenderer()];
}
