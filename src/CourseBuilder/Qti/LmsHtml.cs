using CourseBuilder.Html;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Partials;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Markdown.Reflections;
using Markdig.Renderers;
using Markdig.Syntax;

namespace CourseBuilder.Qti;

/// <summary>
/// HTML for the LMS formats (Common Cartridge pages, QTI and Moodle XML question text), through
/// the same Markdig renderers as the player, switched to their script-free mode: an LMS shows
/// this HTML in its own pages, which strip scripts and the player's runtime.
/// </summary>
public static class LmsHtml
{
    /// <summary>A whole lesson: knowledge checks as question + disclosure, reflections as prompts.</summary>
    public static string Document(MarkdownDocument document) => Render(r => r.Render(document));

    /// <summary>Some blocks of a tree (a stem, a feedback, an explanation), as HTML.</summary>
    public static string Blocks(IEnumerable<Block> blocks) => Render(r =>
    {
        foreach (var block in blocks) r.Render(block);
    });

    /// <summary>The inline content of one paragraph (a choice's text), without the &lt;p&gt;.</summary>
    public static string Inline(LeafBlock block) => Render(r => r.WriteLeafInline(block));

    private static string Render(Action<HtmlRenderer> write)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        CourseMarkdown.PipelineWithHtml.Setup(renderer);
        // An LMS page keeps the tool's own markup: its editor strips script and the player's styles are not there.
        DirectivePartials.Use(renderer, TemplateEngine.BuiltIn);
        renderer.ObjectRenderers.FindExact<QuestionHtmlRenderer>()!.WithoutScript = true;
        renderer.ObjectRenderers.FindExact<ReflectionHtmlRenderer>()!.WithoutScript = true;
        write(renderer);
        writer.Flush();
        return writer.ToString().Trim();
    }
}
