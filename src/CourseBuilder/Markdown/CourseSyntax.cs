using CourseBuilder.Markdown.Directives;
using Markdig;
using Markdig.Renderers;

namespace CourseBuilder.Markdown;

/// <summary>
/// One piece of course syntax (a folder under Markdown/), registering in one place everything it
/// adds: the <c>:::</c> names it parses or a Markdig extension of its own, and its HTML and PDF
/// renderers. <see cref="CourseMarkdown.Syntaxes"/> lists them; adding a directive means adding
/// a folder with one of these and one line there.
/// </summary>
public interface ICourseSyntax
{
    /// <summary>Registers the <c>:::</c> names this syntax owns (most syntaxes) …</summary>
    void RegisterDirectives(DirectiveExtension directives) { }

    /// <summary>… or a Markdig extension of its own (figures transform image paragraphs).</summary>
    void RegisterParser(MarkdownPipelineBuilder pipeline) { }

    IEnumerable<IMarkdownObjectRenderer> HtmlRenderers();

    IEnumerable<IMarkdownObjectRenderer> PdfRenderers();
}
