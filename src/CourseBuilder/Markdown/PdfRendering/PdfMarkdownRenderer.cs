using CourseBuilder.Markdown.Callouts;
using CourseBuilder.Markdown.Discussions;
using CourseBuilder.Markdown.Figures;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Markdown.Reflections;
using CourseBuilder.Markdown.Reveals;
using CourseBuilder.Model;
using CourseBuilder.Pdf.Layout;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Markdown.PdfRendering;

public enum GuideAudience { Student, Facilitator }

/// <summary>What differs between the places a syntax tree is rendered into a guide.</summary>
public sealed class PdfRenderOptions
{
    public required GuideStyles Styles { get; init; }
    public GuideAudience Audience { get; init; } = GuideAudience.Student;

    /// <summary>Added to Markdown heading levels: a lesson's ## sits under the lesson title.</summary>
    public int HeadingOffset { get; set; } = 1;

    /// <summary>Makes heading ids and footnote anchors unique across the lessons of one guide.</summary>
    public string AnchorPrefix { get; set; } = "";

    /// <summary>Reads an image by its Markdown URL; null when it cannot be found.</summary>
    public Func<string, byte[]?> LoadImage { get; set; } = _ => null;

    /// <summary>In-page links the loader made from links to other lessons ("#module--lesson"), to the guide's anchor for that lesson.</summary>
    public Dictionary<string, string> PageAnchors { get; } = new(StringComparer.Ordinal);

    /// <summary>Knowledge checks in the order they were printed, numbered for the answers at the back.</summary>
    public List<Question> PrintedQuestions { get; } = [];

    public string QuestionAnchor(Question q) => "question:" + q.Id;
    public string AnswerAnchor(Question q) => "answer:" + q.Id;
}

/// <summary>
/// Renders a Markdig syntax tree into layout components, the PDF counterpart of HtmlRenderer.
/// Block renderers add components to the current target; inline renderers add styled runs.
/// Our own blocks' renderers come from their syntax folders (<see cref="CourseMarkdown.Syntaxes"/>).
/// </summary>
public sealed class PdfMarkdownRenderer : RendererBase
{
    private readonly Stack<List<IComponent>> _targets = new();
    private List<TextRun>? _runs;
    private TextStyle _style;
    private LinkTarget? _link;

    public PdfMarkdownRenderer(PdfRenderOptions options)
    {
        Options = options;
        _targets.Push([]);
        ObjectRenderers.Add(new ParagraphPdfRenderer());
        ObjectRenderers.Add(new HeadingPdfRenderer());
        ObjectRenderers.Add(new ListPdfRenderer());
        ObjectRenderers.Add(new QuotePdfRenderer());
        ObjectRenderers.Add(new CodeBlockPdfRenderer());
        ObjectRenderers.Add(new ThematicBreakPdfRenderer());
        ObjectRenderers.Add(new TablePdfRenderer());
        ObjectRenderers.Add(new FootnoteGroupPdfRenderer());
        ObjectRenderers.Add(new SkippedBlockPdfRenderer());
        foreach (var syntax in CourseMarkdown.Syntaxes) ObjectRenderers.AddRange(syntax.PdfRenderers());
        // Last: our blocks are containers too, and each must find its own renderer first.
        ObjectRenderers.Add(new ContainerPdfRenderer());
        InlineRenderers.Register(this);
    }

    public PdfRenderOptions Options { get; }
    public GuideStyles Styles => Options.Styles;

    public override object Render(MarkdownObject markdownObject)
    {
        Write(markdownObject);
        return _targets.Peek();
    }

    /// <summary>Renders blocks and returns the components they produced.</summary>
    public List<IComponent> RenderBlocks(IEnumerable<Block> blocks)
    {
        _targets.Push([]);
        foreach (var block in blocks) Write(block);
        return _targets.Pop();
    }

    public List<IComponent> RenderChildren(ContainerBlock container) => RenderBlocks(container.ToList());

    public void Add(IComponent component) => _targets.Peek().Add(component);

    /// <summary>The inline content of a leaf block as styled runs.</summary>
    public List<TextRun> Runs(LeafBlock leaf, TextStyle style)
    {
        var saved = (_runs, _style, _link);
        _runs = [];
        _style = style;
        _link = null;
        if (leaf.Inline is not null) WriteChildren(leaf.Inline);
        var result = _runs;
        (_runs, _style, _link) = saved;
        return result;
    }

    public void AddText(string text)
    {
        if (text.Length > 0) _runs?.Add(new TextRun(text, _style, _link));
    }

    public void AddText(string text, TextStyle style, LinkTarget? link) => _runs?.Add(new TextRun(text, style, link));

    public TextStyle CurrentStyle => _style;

    /// <summary>Renders an inline container with a changed style (and optionally a link).</summary>
    public void WithStyle(Func<TextStyle, TextStyle> change, ContainerInline inline, LinkTarget? link = null)
    {
        var saved = (_style, _link);
        _style = change(_style);
        if (link is not null) _link = link;
        WriteChildren(inline);
        (_style, _link) = saved;
    }

    /// <summary>Where a Markdown link goes in print: web links stay, in-guide anchors resolve, other files do not.</summary>
    public LinkTarget? Target(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (url.StartsWith('#'))
            return LinkTarget.Internal(Options.PageAnchors.TryGetValue(url[1..], out var page) ? page : Options.AnchorPrefix + url[1..]);
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto") return LinkTarget.Web(url);
        return null;
    }
}

/// <summary>Base of PDF renderers for one node type.</summary>
public abstract class PdfObjectRenderer<T> : MarkdownObjectRenderer<PdfMarkdownRenderer, T> where T : MarkdownObject;
