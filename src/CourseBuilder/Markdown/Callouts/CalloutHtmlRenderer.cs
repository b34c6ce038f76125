using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace CourseBuilder.Markdown.Callouts;

/// <summary>A labelled box. role="note" rather than &lt;aside&gt;: a complementary landmark may not sit inside main.</summary>
public sealed class CalloutHtmlRenderer : HtmlObjectRenderer<CalloutBlock>
{
    protected override void Write(HtmlRenderer renderer, CalloutBlock block)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"cb-callout cb-callout--").Write(block.CssName).Write("\" role=\"note\">").WriteLine();
        renderer.Write("<p class=\"cb-callout__label\"><span class=\"cb-callout__kind\">").WriteEscape(block.Label).Write("</span>");
        if (block.Title is { } title)
            renderer.Write("<span class=\"cb-callout__title\">").WriteEscape(title).Write("</span>");
        renderer.Write("</p>").WriteLine();
        renderer.WriteChildren(block);
        renderer.Write("</div>").WriteLine();
    }
}
