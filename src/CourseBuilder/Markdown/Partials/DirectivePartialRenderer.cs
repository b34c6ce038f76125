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

    /// <summary>
    /// Writes the partial's output as a block of its own, ending its line as Markdig's blocks do.
    /// The model is built after the page's line is ended: building it renders the block's
    /// children into strings of their own (<see cref="Rendered"/>), which leaves the renderer's
    /// line state meaning nothing for the page.
    /// </summary>
    protected void WritePartial<TModel>(HtmlRenderer renderer, string name, Func<TModel> model)
    {
        var templates = Templates ?? throw new InvalidOperationException($"no templates were given to render directives/{name}");
        renderer.EnsureLine();
        var html = templates.Render("directives/" + name, model());
        if (html.EndsWith('\n'))
        {
            renderer.Write(html.AsSpan(0, html.Length - 1));
            renderer.WriteLine();
        }
        else
            renderer.Write(html);
    }

    /// <summary>Text as <paramref name="renderer"/> escapes it in HTML (Markdig's own WriteEscape).</summary>
    protected static string Escaped(HtmlRenderer renderer, string text) =>
        Rendered(renderer, r => r.WriteEscape(text));

    /// <summary>A link or image address as <paramref name="renderer"/> writes it (escaped, rewritten if the renderer rewrites links).</summary>
    protected static string EscapedUrl(HtmlRenderer renderer, string? url) =>
        Rendered(renderer, r => r.WriteEscapeUrl(url));

    /// <summary>The HTML of <paramref name="blocks"/>, as they render at the start of a line.</summary>
    protected static string Rendered(HtmlRenderer renderer, IEnumerable<Block> blocks) =>
        Rendered(renderer, r =>
        {
            foreach (var block in blocks) r.Write(block);
        });

    /// <summary>The inline content of one paragraph, without its &lt;p&gt;.</summary>
    protected static string RenderedInline(HtmlRenderer renderer, LeafBlock paragraph) =>
        Rendered(renderer, r => r.WriteLeafInline(paragraph));

    /// <summary>
    /// What <paramref name="write"/> writes through <paramref name="renderer"/> (so with its
    /// renderers, link rewriting and options), captured in a string instead of the page.
    /// </summary>
    private static string Rendered(HtmlRenderer renderer, Action<HtmlRenderer> write)
    {
        var page = renderer.Writer;
        using var captured = new StringWriter();
        renderer.Writer = captured;
        try
        {
            // A line break first puts the renderer at the start of a line, whatever came before;
            // it is cut off below.
            renderer.WriteLine();
            write(renderer);
        }
        finally
        {
            renderer.Writer = page;
        }
        return captured.ToString()[1..];
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
