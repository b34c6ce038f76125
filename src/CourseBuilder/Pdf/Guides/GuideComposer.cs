using System.Globalization;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Discussions;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Model;
using CourseBuilder.Pdf.Layout;
using CourseBuilder.Markdown.PdfRendering;
using Markdig.Syntax;

namespace CourseBuilder.Pdf.Guides;

/// <summary>
/// What both guides share: the document and its settings, the cover, the contents page, each
/// module's opening, and the small pieces (headings, anchors, table cells) they are built from.
/// <see cref="StudentGuide"/> and <see cref="FacilitatorGuide"/> fill in each module's pages.
/// </summary>
internal abstract class GuideComposer
{
    protected readonly Course _course;
    protected readonly Module? _module;
    protected readonly GuideStyles _styles;
    protected readonly PdfRenderOptions _options;
    protected readonly PdfMarkdownRenderer _renderer;
    private readonly GuideDocument _document;
    private readonly DateTime _timestamp;

    protected GuideComposer(Course course, Module? module, GuideAudience audience, string guideName)
    {
        GuideName = guideName;
        _course = course;
        _module = module;
        _styles = new GuideStyles(course.Theme.Accent);
        _options = new PdfRenderOptions { Styles = _styles, Audience = audience };
        _renderer = new PdfMarkdownRenderer(_options);
        foreach (var m in module is null ? course.Modules : [module])
            foreach (var lesson in m.Lessons)
                _options.PageAnchors[Ids.LessonPage(m.Id, lesson.Id)] = LessonAnchor(m, lesson);
        _timestamp = PdfStage.Timestamp(course);
        var (width, height) = course.PageSize == PageSize.Letter ? (612.0, 792.0) : (595.276, 841.89);
        var kind = GuideName;
        var scope = module is null ? course.Title : $"{course.Title}, module {module.Number}: {module.Title}";
        _document = new GuideDocument(new GuideDocumentSettings(
            width, height,
            Title: $"{scope} ({kind.ToLowerInvariant()})",
            Subject: module?.Description.Trim() ?? course.Subtitle ?? course.Title,
            Author: course.Authors.Count > 0 ? string.Join(", ", course.Authors) : course.Institution,
            Language: course.Language,
            HeaderLeft: course.Title,
            HeaderRight: module is null ? kind : $"Module {module.Number}: {module.Title}",
            Timestamp: _timestamp,
            Identity: $"{course.Id}|{course.Version}|{module?.Id ?? "*"}|{audience}"), _styles);
    }

    /// <summary>"Student guide" or "Facilitator guide": on the cover, in the running head and the PDF title.</summary>
    protected string GuideName { get; }
    protected IReadOnlyList<Module> Modules => _module is null ? _course.Modules : [_module];
    protected Column Body => _document.Body;

    public byte[] Build()
    {
        Cover();
        Contents();
        var firstModule = true;
        foreach (var module in Modules)
        {
            if (!firstModule) Body.Add(new PageBreak());
            firstModule = false;
            Body.Add(new RunningHead($"Module {module.Number}: {module.Title}"));
            ModulePages(module);
        }
        AfterModules();
        return _document.Render();
    }

    /// <summary>The contents entries under a module's own entry.</summary>
    protected abstract IEnumerable<IComponent> ContentsEntries(Module module);

    /// <summary>Contents entries after the last module's.</summary>
    protected virtual IEnumerable<IComponent> ContentsAfterModules() => [];

    protected abstract void ModulePages(Module module);

    /// <summary>Pages after the last module's.</summary>
    protected virtual void AfterModules() { }

    // ----- Front matter

    private void Cover()
    {
        var s = _styles;
        Body.Add(new Spacer(40));
        if (_course.Theme.Logo is { } logo && File.Exists(Path.Combine(_course.ContentDirectory, logo)))
            Body.Add(new LogoComponent(File.ReadAllBytes(Path.Combine(_course.ContentDirectory, logo)), _course.Theme.LogoAlt ?? _course.Institution, 48));
        Body.Add(new Spacer(40));
        Body.Add(Text(_course.Institution.ToUpperInvariant(), s.Label with { Size = 10 }, 0));
        Body.Add(Text(_course.Title, new TextStyle(Face.Bold, 28, s.Accent), 14, 1.2));
        if (_course.Subtitle is { } subtitle) Body.Add(Text(subtitle, new TextStyle(Face.Regular, 14, s.Muted), 8));
        if (_module is { } m)
        {
            Body.Add(new Spacer(36));
            Body.Add(Text($"MODULE {m.Number}", s.Label with { Size = 10 }, 0));
            Body.Add(Text(m.Title, new TextStyle(Face.Bold, 18, s.Text), 4, 1.25));
        }
        Body.Add(new Spacer(24));
        Body.Add(Text(GuideName, new TextStyle(Face.Regular, 16, s.Accent), 0));
        Body.Add(new Spacer(60));
        var date = DateOnly.FromDateTime(_timestamp).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Body.Add(Text($"Version {_course.Version} · {date}", s.Body with { Color = s.Muted }, 0));
        if (_course.Authors.Count > 0) Body.Add(Text(string.Join(", ", _course.Authors), s.Body with { Color = s.Muted }, 2));
        Body.Add(new PageBreak());
    }

    private void Contents()
    {
        Body.Add(Heading(1, "Contents", "contents"));
        var toc = new Column("TOC");
        foreach (var module in Modules)
        {
            toc.Add(new ContentsEntry($"Module {module.Number}: {module.Title}", ModuleAnchor(module), 1));
            toc.Children.AddRange(ContentsEntries(module));
        }
        toc.Children.AddRange(ContentsAfterModules());
        Body.Add(toc);
        Body.Add(new PageBreak());
    }


    protected void ModuleOpening(Module module)
    {
        Body.Add(Kicker($"MODULE {module.Number} · {module.Minutes} MINUTES", 0));
        Body.Add(Heading(1, module.Title, ModuleAnchor(module), spaceBefore: 2));
        if (!string.IsNullOrWhiteSpace(module.Description))
            Body.Add(Text(module.Description.Trim(), _styles.Body with { Size = 11 }, 6));
    }

    protected void UseLesson(Module module, Lesson lesson) => UseDocument(module, lesson.Id, lesson.SourcePath, headingOffset: 1);

    /// <summary>Points the renderer at one source file: its anchors and the folder its images are relative to.</summary>
    protected void UseDocument(Module module, string name, string sourcePath, int headingOffset)
    {
        _options.AnchorPrefix = $"{module.Id}/{name}#";
        _options.HeadingOffset = headingOffset;
        var content = _course.ContentDirectory;
        var source = Path.IsPathRooted(sourcePath) ? sourcePath : Path.Combine(content, sourcePath);
        var folder = Path.GetDirectoryName(source) ?? content;
        _options.LoadImage = url =>
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && !abs.IsFile) return null;
            foreach (var candidate in new[] { Path.Combine(content, url), Path.Combine(folder, url), Path.Combine(module.Directory, url) })
                if (File.Exists(candidate)) return File.ReadAllBytes(candidate);
            return null;
        };
    }

    protected static string ModuleAnchor(Module m) => $"module:{m.Id}";
    protected static string LessonAnchor(Module m, Lesson l) => $"lesson:{m.Id}/{l.Id}";
    protected static string PartAnchor(Module m, string part) => $"part:{m.Id}/{part}";
    protected static string KeyAnchor(Question q) => $"key:{q.Id}";

    protected static string Minutes(int minutes) => minutes.ToString(CultureInfo.InvariantCulture) + " min";

    protected IReadOnlyList<TextRun> Cell(string text, bool bold = false) => [new TextRun(text, bold ? _styles.Body.WithBold() : _styles.Body)];

    protected Paragraph Heading(int level, string text, string anchor, double? spaceBefore = null)
    {
        var style = _styles.Heading(level);
        return new Paragraph([new TextRun(text, style)], style, "H" + level)
        {
            SpaceBefore = spaceBefore ?? (level == 1 ? 0 : 18),
            KeepWithNext = true,
            LineSpacing = Leading.Heading,
            Anchor = anchor,
            Outline = new OutlineEntry(level, text),
        };
    }

    protected Paragraph Kicker(string text, double spaceBefore) =>
        new([new TextRun(text, _styles.Label)], _styles.Label) { SpaceBefore = spaceBefore, KeepWithNext = true };

    protected static Paragraph Text(string text, TextStyle style, double spaceBefore, double lineSpacing = Leading.Body, bool keepWithNext = false) =>
        new([new TextRun(text, style)], style) { SpaceBefore = spaceBefore, LineSpacing = lineSpacing, KeepWithNext = keepWithNext };
}
