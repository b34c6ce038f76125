using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace CourseBuilder.Markdown.Reveals;

/// <summary>A native &lt;details&gt; disclosure: keyboard and screen-reader support without script.</summary>
public sealed class RevealHtmlRenderer : HtmlObjectRenderer<RevealBlock>
{
    protected override void Write(HtmlRenderer renderer, RevealBlock block)
    {
        renderer.EnsureLine();
        renderer.Write("<details class=\"cb-reveal\">").WriteLine();
        renderer.Write("<summary>").WriteEscape(block.Label).Write("</summary>").WriteLine();
        renderer.Write("<div class=\"cb-reveal__body\">").WriteLine();
        renderer.WriteChildren(block);
        renderer.Write("</div>").WriteLine();
        renderer.Write("</details>").WriteLine();
    }
}
