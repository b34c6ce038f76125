using CourseBuilder.Markdown.Callouts;
using CourseBuilder.Markdown.Directives;
using CourseBuilder.Markdown.Discussions;
using CourseBuilder.Markdown.Figures;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Markdown.Reflections;
using CourseBuilder.Markdown.Reveals;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Markdown;

/// <summary>
/// The one Markdig pipeline for the whole tool: CommonMark plus tables, footnotes, task lists,
/// heading ids and our <c>:::</c> blocks. A pipeline is immutable and thread-safe, so modules
/// parse in parallel with this single instance.
/// </summary>
public sealed class CourseMarkdown : IMarkdownExtension
{
    /// <summary>
    /// Every piece of course syntax, each registering its parser and renderers itself. The order
    /// is the order their renderers are tried in, before the generic container renderer.
    /// </summary>
    public static IReadOnlyList<ICourseSyntax> Syntaxes { get; } =
    [
        new QuestionSyntax(),
        new CalloutSyntax(),
        new ReflectionSyntax(),
        new RevealSyntax(),
        new DiscussionSyntax(),
        new FigureSyntax(),
    ];

    public static readonly DirectiveExtension Directives = CreateDirectives();

    private static DirectiveExtension CreateDirectives()
    {
        var directives = new DirectiveExtension();
        foreach (var syntax in Syntaxes) syntax.RegisterDirectives(directives);
        return directives;
    }

    /// <summary>Parses everything; raw HTML is kept (the loader checks it) and rendered.</summary>
    public static MarkdownPipeline PipelineWithHtml { get; } = CreatePipeline();

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UseGridTables()
            .UseFootnotes()
            .UseTaskLists()
            .UseGenericAttributes()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .UseCustomContainers()
            .Use(Directives);
        foreach (var syntax in Syntaxes) syntax.RegisterParser(builder);
        return builder.Use<CourseMarkdown>().Build();
    }

    public static MarkdownDocument Parse(string text)
    {
        var document = Markdig.Markdown.Parse(text, PipelineWithHtml);
        MaterializeLazyContent(document);
        return document;
    }

    /// <summary>
    /// Markdig keeps a code span's text as a lazy substring that is cut, and its offset reset, on
    /// first read: two renderers reading the same span at once (a module's guides and players
    /// build in parallel) could see the cut text with the old offset and throw. Reading every span
    /// once here, while the document belongs to one thread, makes the tree read-only afterwards.
    /// </summary>
    private static void MaterializeLazyContent(MarkdownDocument document)
    {
        foreach (var code in document.Descendants<CodeInline>()) _ = code.Content;
    }

    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        // Links to the web open in a new tab: inside an LMS frame they would navigate the course away.
        html.ObjectRenderers.Replace<Markdig.Renderers.Html.Inlines.LinkInlineRenderer>(new ExternalLinkInlineRenderer());
        html.ObjectRenderers.Replace<Markdig.Renderers.Html.Inlines.AutolinkInlineRenderer>(new ExternalAutolinkInlineRenderer());
        foreach (var syntax in Syntaxes)
            foreach (var syntaxRenderer in syntax.HtmlRenderers())
                if (!html.ObjectRenderers.Any(r => r.GetType() == syntaxRenderer.GetType()))
                    html.ObjectRenderers.Add(syntaxRenderer);
    }
}
