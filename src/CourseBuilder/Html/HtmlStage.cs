using System.Text;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Partials;
using CourseBuilder.Model;
using Markdig.Syntax;

namespace CourseBuilder.Html;

/// <summary>
/// Renders the learner's player: one self-contained page per module (and one for the whole
/// course) with the runtime and every asset the page references, as in-memory files that the
/// build writes out and the SCORM stage zips.
/// </summary>
public sealed class HtmlStage
{
    public const string PageFile = "index.html";
    public const string RuntimeFolder = "runtime";

    /// <summary>Runtime files in load order, as shipped (minified by <see cref="RuntimeBundle"/> from Html/Runtime/).</summary>
    public static readonly IReadOnlyList<string> RuntimeScripts = ["player.js"];
    public static readonly IReadOnlyList<string> RuntimeStyles = ["player.css"];

    private readonly Course _course;
    private readonly TemplateEngine _templates;

    public HtmlStage(Course course, TemplateEngine templates)
    {
        _course = course;
        _templates = templates;
    }

    /// <summary>The files of one module's player, or of the whole course's when <paramref name="module"/> is null.</summary>
    public IReadOnlyList<PackageFile> Render(Module? module)
    {
        var modules = (module is null ? _course.Modules : [module]).Select(RenderedModule).ToList();
        var page = new PlayerPage(_course, module, modules, PlayerData.Build(_course, module, modules),
            RuntimeScripts.Select(s => $"{RuntimeFolder}/{s}").ToList(),
            RuntimeStyles.Select(s => $"{RuntimeFolder}/{s}").ToList());
        var html = _templates.For(module).Render("player", page);

        var files = new List<PackageFile> { new(PageFile, Encoding.UTF8.GetBytes(html)) };
        foreach (var name in RuntimeScripts)
            files.Add(new PackageFile($"{RuntimeFolder}/{name}", RuntimeFile(name)));
        foreach (var name in RuntimeStyles)
            files.Add(new PackageFile($"{RuntimeFolder}/{name}", WithTheme(name)));
        var assets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var m in module is null ? _course.Modules : [module]) assets.UnionWith(m.Assets);
        if (_course.Theme.Logo is { } logo) assets.Add(logo.Replace('\\', '/'));
        foreach (var asset in assets)
            files.Add(new PackageFile(asset, File.ReadAllBytes(Path.Combine(_course.ContentDirectory, asset))));
        return files;
    }

    /// <summary>
    /// A module's pages are the same in its own player and in the whole course's, so each is
    /// rendered once per build and shared (the syntax trees are only read, never changed).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<PlayerModule>> _rendered = new(StringComparer.Ordinal);

    private PlayerModule RenderedModule(Module module) =>
        _rendered.GetOrAdd(module.Id, _ => new Lazy<PlayerModule>(() => RenderModule(module))).Value;

    /// <summary>A module's pages, its directives drawn from its templates (its own overrides, the course's, the built-in ones).</summary>
    private PlayerModule RenderModule(Module module)
    {
        var templates = _templates.For(module);
        PlayerSection Section(string id, SectionKind kind, string title, int minutes, MarkdownDocument document) =>
            new(id, module.Id, kind, title, minutes, IdScoper.Scope(RenderMarkdown(document, templates), id));
        var sections = module.Lessons
            .Select(l => Section(Ids.LessonPage(module.Id, l.Id), SectionKind.Lesson, l.Title, l.Minutes, l.Document))
            .ToList();
        if (module.Quiz is { } quiz)
            sections.Add(Section(Ids.QuizPage(module.Id), SectionKind.Quiz, quiz.Title, 0, quiz.Document));
        return new PlayerModule(module, sections);
    }

    public static string RenderMarkdown(MarkdownDocument document, IPartialTemplates templates)
    {
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        CourseMarkdown.PipelineWithHtml.Setup(renderer);
        DirectivePartials.Use(renderer, templates);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Made once per stage, so every package shares one array (and the zip writer compresses it once).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _themed = new(StringComparer.Ordinal);

    /// <summary>
    /// The course's accent goes into the stylesheet at build time: the CSP forbids inline styles,
    /// and a stylesheet rule also reaches print and script-less rendering.
    /// </summary>
    private byte[] WithTheme(string name) => _themed.GetOrAdd(name, n =>
    {
        var css = RuntimeFile(n);
        if (!Colors.TryParseHex(_course.Theme.Accent, out _)) return css;
        return [.. css, .. Encoding.UTF8.GetBytes($":root {{ --cb-accent: {_course.Theme.Accent.ToLowerInvariant()}; }}\n")];
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> RuntimeCache = new();

    /// <summary>A runtime file's shipped bytes, minified once per process.</summary>
    public static byte[] RuntimeFile(string name) =>
        RuntimeCache.GetOrAdd(name, static n => n switch
        {
            "player.js" => RuntimeBundle.Script(),
            "player.css" => RuntimeBundle.Style(),
            _ => throw new ArgumentException($"{n} is not a runtime file", nameof(name)),
        });
}
