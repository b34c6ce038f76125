using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CourseBuilder.Markdown.Partials;

/// <summary>
/// Renders a named partial template with a model. The HTML stage provides the course's
/// (Html/TemplateEngine: a module's override, else the course's, else the built-in one), so the
/// Markdown layer knows the partial's name and model but nothing of Razor.
/// </summary>
public interface IPartialTemplates
{
    string Render<TModel>(string name, TModel model);
}

/// <summary>
/// A directive's HTML renderer whose markup is a partial template (<c>directives/&lt;name&gt;</c>),
/// so a course can restyle the directive without touching C#. The renderer builds the
/// partial's model: text already HTML-escaped and the block's children already rendered, in
/// properties named <c>…Html</c> that templates write with <c>@Raw(…)</c>.
/// </summary>
public abstract class DirectivePartialRenderer<TBlock> : HtmlObjectRenderer<TBlock>, IUsesPartials where TBlock : MarkdownObject
{
    /// <summary>Set by whoever renders a document: <see cref="DirectivePartials.Use"/>.</summary>
    public IPartialTemplates? Templates { get; private set; }

    public void Use(IPartialTemplates templates) => Templates = templates;

    /// <summary>Writes the partial's output as one block, ending its line as Markdig's own blocks do.</summary>
    protected void WritePartial<TModel>(HtmlRenderer renderer, string name, TModel model)
    {
        var templates = Templates ?? throw new InvalidOperationException($"no templates were given to render directives/{name}");
        var html = templates.Render("directives/" + name, model);
        renderer.EnsureLine();
        if (html.EndsWith('\n'))
        {
            renderer.Write(html.AsSpan(0, html.Length - 1));
            renderer.WriteLine();
        }
        else
            renderer.Write(html);
    }

    /// <summary>Text as Markdig escapes it in HTML (&amp;, &lt;, &gt;, &quot;).</summary>
    protected static string Escaped(string text)
    {
        using var writer = new StringWriter();
        new HtmlRenderer(writer).WriteEscape(text);
        return writer.ToString();
    }

    /// <summary>A link or image address as <paramref name="renderer"/> writes it (escaped, rewritten if the renderer rewrites links).</summary>
    protected static string EscapedUrl(HtmlRenderer renderer, string? url)
    {
        // A renderer of its own: writing through the page's would change its line state.
        using var writer = new StringWriter();
        new HtmlRenderer(writer) { LinkRewriter = renderer.LinkRewriter }.WriteEscapeUrl(url);
        return writer.ToString();
    }

    /// <summary>The HTML of <paramref name="blocks"/>, rendered by <paramref name="renderer"/> into a string of their own.</summary>
    protected static string Rendered(HtmlRenderer renderer, IEnumerable<Block> blocks)
    {
        // The partial starts on a line of its own: end the current one in the page, so the
        // blocks render as they would at the start of a line.
        renderer.EnsureLine();
        var outer = renderer.Writer;
        using var inner = new StringWriter();
        renderer.Writer = inner;
        try
        {
            foreach (var block in blocks) renderer.Write(block);
        }
        finally
        {
            renderer.Writer = outer;
        }
        return inner.ToString();
    }
}

/// <summary>Marks a renderer that draws its markup from partial templates.</summary>
public interface IUsesPartials
{
    void Use(IPartialTemplates templates);
}

public static class DirectivePartials
{
    /// <summary>Gives every directive renderer of <paramref name="renderer"/> the templates to draw from.</summary>
    public static void Use(HtmlRenderer renderer, IPartialTemplates templates)
    {
        foreach (var objectRenderer in renderer.ObjectRenderers)
            if (objectRenderer is IUsesPartials user) user.Use(templates);
    }
}
