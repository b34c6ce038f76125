using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Markdown;

/// <summary>
/// Links that leave the course (http, https, mailto) open in a new tab: in an LMS the player
/// runs in a frame, and following a citation there would navigate the course away. A visually
/// hidden note tells screen-reader users the link opens a new tab (WCAG technique G201).
/// </summary>
internal static class ExternalLinks
{
    /// <summary>The class that hides text on screen but not from screen readers.</summary>
    public const string HiddenTextClass = "cb-visually-hidden";

    public static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase));

    public static void WriteOpening(HtmlRenderer renderer) => renderer.Write(" target=\"_blank\" rel=\"noopener\">");

    public static void WriteClosing(HtmlRenderer renderer) =>
        renderer.Write($"<span class=\"{HiddenTextClass}\"> (opens in a new tab)</span></a>");
}

/// <summary>Markdown links: <c>[text](https://…)</c>.</summary>
internal sealed class ExternalLinkInlineRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
        if (link.IsImage || !renderer.EnableHtmlForInline || !ExternalLinks.IsExternal(url))
        {
            base.Write(renderer, link);
            return;
        }
        renderer.Write("<a href=\"").WriteEscapeUrl(url).Write('"').WriteAttributes(link);
        if (!string.IsNullOrEmpty(link.Title)) renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
        ExternalLinks.WriteOpening(renderer);
        renderer.WriteChildren(link);
        ExternalLinks.WriteClosing(renderer);
    }
}

/// <summary>Autolinks: <c>&lt;https://…&gt;</c> and <c>&lt;someone@example.org&gt;</c>.</summary>
internal sealed class ExternalAutolinkInlineRenderer : AutolinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline link)
    {
        var url = link.IsEmail ? "mailto:" + link.Url : link.Url;
        if (!renderer.EnableHtmlForInline || !ExternalLinks.IsExternal(url))
        {
            base.Write(renderer, link);
            return;
        }
        renderer.Write("<a href=\"").WriteEscapeUrl(url).Write('"').WriteAttributes(link);
        ExternalLinks.WriteOpening(renderer);
        renderer.WriteEscape(link.Url);
        ExternalLinks.WriteClosing(renderer);
    }
}
