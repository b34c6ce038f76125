using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Directives;
using CourseBuilder.Markdown.Figures;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Markdown.Reflections;
using CourseBuilder.Model;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Loading;

/// <summary>
/// Walks one file's syntax tree once: binds questions, names reflections, checks images, links and
/// raw HTML, and rewrites local paths to content-relative ones so every renderer can find them.
/// </summary>
internal sealed partial class DocumentChecker
{
    private readonly string _contentDirectory;
    private readonly string _path;
    private readonly string _pageId;
    private readonly bool _graded;
    private readonly bool _allowScripts;
    private readonly IReadOnlyDictionary<string, string> _lessonPages;
    private readonly DiagnosticBag _diagnostics;
    private int _reflections;

    public List<Question> Questions { get; } = [];
    public SortedSet<string> Assets { get; } = new(StringComparer.Ordinal);

    /// <param name="lessonPages">Full path of each lesson file in the module, to the page id a link to it opens.</param>
    public DocumentChecker(string contentDirectory, string path, string pageId, bool graded, bool allowScripts,
        IReadOnlyDictionary<string, string> lessonPages, DiagnosticBag diagnostics)
    {
        _contentDirectory = contentDirectory;
        _path = path;
        _pageId = pageId;
        _graded = graded;
        _allowScripts = allowScripts;
        _lessonPages = lessonPages;
        _diagnostics = diagnostics;
    }

    public void Check(MarkdownDocument document)
    {
        NormalizeHeadingLevels(document);
        foreach (var node in document.Descendants())
        {
            // Markdown's {name=value} attributes reach the page as HTML attributes: same policy as raw HTML.
            if (!_allowScripts && node.TryGetAttributes()?.Properties is { } properties)
                foreach (var property in properties)
                    if (RawHtmlPolicy.AttributeViolation(property.Key, property.Value ?? "") is { } problem)
                        _diagnostics.Error(DiagnosticCode.UnsafeHtml, At(node), problem.Replace("raw HTML has", "the {…} attributes have").Replace("raw HTML contains", "the {…} attributes contain"));
            if (node is DirectiveBlock { Closed: false } or CustomContainer { ClosingFencedCharCount: 0 })
                ReportUnclosed((ContainerBlock)node);
            switch (node)
            {
                case QuestionBlock question:
                    if (QuestionBinder.Bind(question, _graded, _path, _diagnostics) is { } model) Questions.Add(model);
                    break;
                case ReflectionBlock reflection:
                    _reflections++;
                    reflection.Id = reflection.Attributes["id"] ?? $"{_pageId}-{_reflections}";
                    if (!Ids.IsValid(reflection.Id))
                        _diagnostics.Error(DiagnosticCode.InvalidId, At(reflection), $"reflection id '{reflection.Id}' must start with a letter and use only letters, digits, '-' and '_'");
                    if (reflection.Attributes["lines"] is { } lines)
                    {
                        if (int.TryParse(lines, out var n) && n is >= 1 and <= 40) reflection.Lines = n;
                        else _diagnostics.Error(DiagnosticCode.InvalidValue, At(reflection), $"lines='{lines}' must be a whole number from 1 to 40");
                    }
                    WarnUnknownAttributes(reflection, "id", "lines");
                    break;
                case DirectiveBlock directive and not QuestionBlock:
                    WarnUnknownAttributes(directive);
                    break;
                case CustomContainer custom:
                    _diagnostics.Warning(DiagnosticCode.UnknownDirective, At(custom),
                        $"unknown block '::: {custom.Info}'{Suggest.DidYouMean(custom.Info ?? "", CourseMarkdown.Directives.Names)}");
                    break;
                case FigureBlock figure:
                    CheckImage(figure.Image, figure.AltText);
                    break;
                case LinkInline { IsImage: true } image when image.Parent is not null:
                    CheckImage(image, PlainText.Of(image));
                    break;
                case LinkInline link when IsTooLong(link.Url, At(link)):
                    break;
                case LinkInline link:
                    CheckLink(link);
                    break;
                case AutolinkInline autolink when IsTooLong(autolink.Url, At(autolink)):
                    break;
                case AutolinkInline autolink:
                    CheckUrlScheme(autolink.Url, At(autolink));
                    break;
                case HtmlBlock html:
                    CheckRawHtml(html.Lines.ToString(), At(html));
                    break;
                case HtmlInline html:
                    CheckRawHtml(html.Tag, At(html));
                    break;
            }
        }
    }

    /// <summary>
    /// A block Markdig found no closing fence for. Inside another ::: block, the closing line it
    /// lacks is really the outer block's: a ':::' line closes the outermost open block, so when
    /// an author forgets the ':::' of one question, the next question opens inside it and its
    /// ':::' closes the first. The error goes to the opening line of the block left open.
    /// </summary>
    private void ReportUnclosed(ContainerBlock block)
    {
        var outer = block.Parent;
        while (outer is not null and not DirectiveBlock and not CustomContainer) outer = outer.Parent;
        if (outer is null)
        {
            _diagnostics.Error(DiagnosticCode.UnclosedDirective, At(block),
                $"'::: {FenceName(block)}' is never closed: end it with a line holding only ':::' (without it, the block takes in everything after it)");
            return;
        }
        _diagnostics.Error(DiagnosticCode.UnclosedDirective, At(outer),
            $"'::: {FenceName(outer)}' is not closed before '::: {FenceName(block)}' starts on line {block.Line + 1}, which went inside it: add a line holding only ':::' before line {block.Line + 1}");
    }

    private static string FenceName(Block block) => block switch
    {
        DirectiveBlock directive => directive.Name,
        CustomContainer custom => custom.Info ?? "",
        _ => "",
    };

    /// <summary>The page's title is its h1, so the lesson's own headings start at h2.</summary>
    private static void NormalizeHeadingLevels(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0) return;
        var shift = Math.Max(0, 2 - headings.Min(h => h.Level));
        foreach (var heading in headings) heading.Level = Math.Min(6, heading.Level + shift);
    }

    private void WarnUnknownAttributes(DirectiveBlock block, params string[] known)
    {
        foreach (var key in block.Attributes.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)))
            _diagnostics.Warning(DiagnosticCode.UnknownAttribute, At(block), $"unknown attribute '{key}' on ::: {block.Name}{Suggest.DidYouMean(key, known)}");
    }

    /// <summary>Longer than any real address; the PDF guide would repeat it in a link on every line it fills.</summary>
    public const int MaxUrlLength = 8192;

    private bool IsTooLong(string? url, SourceLocation at)
    {
        if (url is null || url.Length <= MaxUrlLength) return false;
        _diagnostics.Error(DiagnosticCode.UrlTooLong, at,
            $"link is {url.Length:N0} characters long; links over {MaxUrlLength:N0} characters are refused (browsers and LMSs cut them), so shorten it");
        return true;
    }

    private void CheckImage(LinkInline image, string alt)
    {
        if (IsTooLong(image.Url, At(image))) return;
        var at = At(image);
        if (string.IsNullOrWhiteSpace(alt))
            _diagnostics.Error(DiagnosticCode.ImageWithoutAlt, at, $"image '{image.Url}' has no alt text: write ![what it shows]({image.Url})");
        var url = image.Url ?? "";
        if (HasScheme(url))
        {
            _diagnostics.Error(DiagnosticCode.PathOutsideContent, at,
                $"image '{url}' is not in the content folder; the course may not load anything from outside its package, so save the image beside the lesson");
            return;
        }
        if (ResolveLocal(url, at, "image") is not { } relative) return;
        var full = Path.Combine(_contentDirectory, relative);
        if (!File.Exists(full) && InputFiles.KindOf(full) is InputFiles.Kind.Missing or InputFiles.Kind.Folder)
        {
            _diagnostics.Error(DiagnosticCode.MissingImage, at, $"image '{url}' not found");
            return;
        }
        if (!ImageFiles.Check(full, url, at, _diagnostics)) return;
        image.Url = relative;
        Assets.Add(relative);
    }

    private void CheckLink(LinkInline link)
    {
        var url = link.Url ?? "";
        var at = At(link);
        if (url.Length == 0 || url.StartsWith('#')) return;
        if (HasScheme(url) || RawHtmlPolicy.IsScriptUrl(url))
        {
            CheckUrlScheme(url, at);
            return;
        }
        var hash = url.IndexOf('#');
        var filePart = hash >= 0 ? url[..hash] : url;
        if (ResolveLocal(filePart, at, "link") is not { } relative) return;
        var full = Path.GetFullPath(Path.Combine(_contentDirectory, relative));
        if (_lessonPages.TryGetValue(full, out var pageId))
        {
            link.Url = "#" + pageId;
            return;
        }
        if (!File.Exists(full))
        {
            _diagnostics.Error(DiagnosticCode.MissingLinkTarget, at, $"linked file '{filePart}' not found");
            return;
        }
        if (relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Error(DiagnosticCode.MissingLinkTarget, at, $"'{filePart}' is not a lesson of this module; link to lessons of the same module only");
            return;
        }
        if (!InputFiles.IsUsableAsset(full, at, _diagnostics)) return;
        link.Url = relative + (hash >= 0 ? url[hash..] : "");
        Assets.Add(relative);
    }

    private void CheckUrlScheme(string url, SourceLocation at)
    {
        if (!_allowScripts && RawHtmlPolicy.Scheme(url) is { } scheme)
            _diagnostics.Error(DiagnosticCode.UnsafeHtml, at, $"'{scheme}' links are not allowed (set allow-raw-scripts: true in course.yml to allow them)");
    }

    /// <summary>Content-relative path with '/' separators, or null (reported) when it escapes the content folder.</summary>
    private string? ResolveLocal(string url, SourceLocation at, string what)
    {
        var decoded = Uri.UnescapeDataString(url);
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(_path)!, decoded));
        var root = Path.GetFullPath(_contentDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            _diagnostics.Error(DiagnosticCode.PathOutsideContent, at, $"{what} '{url}' resolves outside the content folder");
            return null;
        }
        // Judged again with symbolic links resolved, or a link in the content folder would ship any file on the machine.
        if (!InputFiles.IsInside(full, root))
        {
            _diagnostics.Error(DiagnosticCode.PathOutsideContent, at,
                $"{what} '{url}' is a symbolic link (or inside one) that leads outside the content folder; copy the file into the content folder instead");
            return null;
        }
        return Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
    }

    private void CheckRawHtml(string html, SourceLocation at)
    {
        if (!_allowScripts && RawHtmlPolicy.Violation(html) is { } problem)
            _diagnostics.Error(DiagnosticCode.UnsafeHtml, at, problem);
    }

    private static bool HasScheme(string url) => UrlScheme().IsMatch(url);

    private SourceLocation At(MarkdownObject node) => new(_path, node.Line + 1, node.Column + 1);

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UrlScheme();
}
