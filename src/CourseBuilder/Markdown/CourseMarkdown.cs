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
    public static readonly DirectiveExtension Directives = new DirectiveExtension()
        .Register("question", () => new QuestionBlock())
        .Register("scenario", () => new QuestionBlock())
        .Register("key-point", () => new CalloutBlock(CalloutKind.KeyPoint))
        .Register("case", () => new CalloutBlock(CalloutKind.Case))
        .Register("caution", () => new CalloutBlock(CalloutKind.Caution))
        .Register("reflection", () => new ReflectionBlock())
        .Register("reveal", () => new RevealBlock())
        .Register("discussion", () => new DiscussionBlock())
        .Register("facilitator", () => new FacilitatorNoteBlock());

    /// <summary>Parses everything; raw HTML is kept (the loader checks it) and rendered.</summary>
    public static MarkdownPipeline PipelineWithHtml { get; } = CreatePipeline();

    private static MarkdownPipeline CreatePipeline() => new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseTaskLists()
        .UseGenericAttributes()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseCustomContainers()
        .Use(Directives)
        .Use<FigureExtension>()
        .Use<CourseMarkdown>()
        .Build();

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
        html.ObjectRenderers.Replace<Markdig.Renderers.Html.Inlines.LinkInlineRenderer>(new ExternalLinkInlineRenderer());
        html.ObjectRenderers.Replace<Markdig.Renderers.Html.Inlines.AutolinkInlineRenderer>(new ExternalAutolinkInlineRenderer());
        html.ObjectRenderers.AddIfNotAlready<QuestionHtmlRenderer>();
        html.ObjectRenderers.AddIfNotAlready<CalloutHtmlRenderer>();
        html.ObjectRenderers.AddIfNotAlready<ReflectionHtmlRenderer>();
        html.ObjectRenderers.AddIfNotAlready<RevealHtmlRenderer>();
        html.ObjectRenderers.AddIfNotAlready<FacilitatorOnlyHtmlRenderer<DiscussionBlock>>();
        html.ObjectRenderers.AddIfNotAlready<FacilitatorOnlyHtmlRenderer<FacilitatorNoteBlock>>();
        html.ObjectRenderers.AddIfNotAlready<FigureHtmlRenderer>();
    }
}
