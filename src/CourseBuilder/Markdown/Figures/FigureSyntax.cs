using CourseBuilder.Markdown.Directives;
using CourseBuilder.Markdown.PdfRendering;
using Markdig;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Figures;

/// <summary>Registers figures: an image alone in its paragraph, with its title as the caption.</summary>
public sealed class FigureSyntax : ICourseSyntax
{
    public void RegisterParser(MarkdownPipelineBuilder pipeline) => pipeline.Use<FigureExtension>();

    public IEnumerable<IMarkdownObjectRenderer> HtmlRenderers() => [new FigureHtmlRenderer()];

    public IEnumerable<IMarkdownObjectRenderer> PdfRenderers() => [new FigurePdfRenderer()];
}
