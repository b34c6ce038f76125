using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace CourseBuilder.Markdown.Figures;

public sealed class FigureHtmlRenderer : HtmlObjectRenderer<FigureBlock>
{
    protected override void Write(HtmlRenderer renderer, FigureBlock block)
    {
        renderer.EnsureLine();
        renderer.Write("<figure class=\"cb-figure\">").WriteLine();
        renderer.Write("<img src=\"").WriteEscapeUrl(block.Image.Url).Write("\" alt=\"").WriteEscape(block.AltText).Write("\" loading=\"lazy\">").WriteLine();
        if (block.Caption is { } caption)
            renderer.Write("<figcaption>").WriteEscape(caption).Write("</figcaption>").WriteLine();
        renderer.Write("</figure>").WriteLine();
    }
}
