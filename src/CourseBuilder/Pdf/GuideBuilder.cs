using System.Globalization;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Discussions;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Model;
using CourseBuilder.Pdf.Layout;
using CourseBuilder.Pdf.Markdown;
using Markdig.Syntax;

namespace CourseBuilder.Pdf;

/// <summary>
/// The printable guides: for one module (or, with a null module, the whole course) a student guide
/// and a facilitator guide, each a tagged, bookmarked PDF. Same input, same bytes.
/// </summary>
public static class GuideBuilder
{
    public static byte[] StudentGuide(Course course, Module? module) => new Composer(course, module, GuideAudience.Student).Build();

    public static byte[] FacilitatorGuide(Course course, Module? module) => new Composer(course, module, GuideAudience.Facilitator).Build();

    /// <summary>The date printed and stored in the PDF: SOURCE_DATE_EPOCH when set (reproducible builds), else the course's release date.</summary>
    public static DateTime Timestamp(Course course) => BuildDate.For(course.ReleaseDate).UtcDateTime;

    public static DateTime Timestamp(Course course, string? sourceDateEpoch) => BuildDate.For(course.ReleaseDate, sourceDateEpoch).UtcDateTime;

    private sealed class Composer
    {
        private readonly Course _course;
        private readonly Module? _module;
        private readonly GuideAudience _audience;
        private readonly GuideStyles _styles;
        private readonly PdfRenderOptions _options;
        private readonly PdfMarkdownRenderer _renderer;
        private readonly GuideDocument _document;
        private readonly DateTime _timestamp;

        public Composer(Course course, Module? module, GuideAudience audience)
        {
            _course = course;
            _module = module;
            _audience = audience;
            _styles = new GuideStyles(course.Theme.Accent);
            _options = new PdfRenderOptions { Styles = _styles, Audience = audience };
            _renderer = new PdfMarkdownRenderer(_options);
            foreach (var m in module is null ? course.Modules : [module])
                foreach (var lesson in m.Lessons)
                    _options.PageAnchors[Ids.LessonPage(m.Id, lesson.Id)] = LessonAnchor(m, lesson);
            _timestamp = Timestamp(course);
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

        private string GuideName => _audience == GuideAudience.Student ? "Student guide" : "Facilitator guide";
        private IReadOnlyList<Module> Modules => _module is null ? _course.Modules : [_module];
        private Column Body => _document.Body;

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
                if (_audience == GuideAudience.Student) StudentModule(module);
                else FacilitatorModule(module);
            }
            if (_audience == GuideAudience.Student) Answers();
            return _document.Render();
        }

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
                if (_audience == GuideAudience.Student)
                    foreach (var lesson in module.Lessons)
                        toc.Add(new ContentsEntry($"{module.Number}.{lesson.Number}  {lesson.Title}", LessonAnchor(module, lesson), 2));
                else
                    foreach (var (title, part) in FacilitatorParts(module))
                        toc.Add(new ContentsEntry(title, PartAnchor(module, part), 2));
            }
            if (_audience == GuideAudience.Student && Modules.Any(m => m.Lessons.Any(l => l.Questions.Count > 0)))
                toc.Add(new ContentsEntry("Answers to knowledge checks", "answers", 1));
            Body.Add(toc);
            Body.Add(new PageBreak());
        }

        // ----- Student guide

        private void StudentModule(Module module)
        {
            ModuleOpening(module);
            Body.Add(Heading(2, "Objectives", PartAnchor(module, "objectives")));
            Body.Add(Text("By the end of this module you will be able to:", _styles.Body, 6));
            Body.Add(new ListComponent(module.Objectives.Select(o => new ListItem("•", [Text(o.Text, _styles.Body, 0)])).ToList()));
            foreach (var lesson in module.Lessons)
            {
                Body.Add(Kicker($"LESSON {module.Number}.{lesson.Number} · {lesson.Minutes} MIN", 22));
                Body.Add(Heading(2, lesson.Title, LessonAnchor(module, lesson), spaceBefore: 2));
                UseLesson(module, lesson);
                Body.Children.AddRange(_renderer.RenderChildren(lesson.Document));
            }
        }

        private void Answers()
        {
            if (_options.PrintedQuestions.Count == 0) return;
            Body.Add(new PageBreak());
            Body.Add(new RunningHead("Answers to knowledge checks"));
            Body.Add(Heading(1, "Answers to knowledge checks", "answers"));
            Body.Add(Text("Each answer links back to its question.", _styles.Body with { Color = _styles.Muted }, 4));
            var number = 0;
            foreach (var module in Modules)
            {
                var ids = module.Lessons.SelectMany(l => l.Questions).Select(q => q.Id).ToHashSet();
                var printed = _options.PrintedQuestions.Where(q => ids.Contains(q.Id)).ToList();
                if (printed.Count == 0) continue;
                if (_module is null) Body.Add(Heading(2, $"Module {module.Number}: {module.Title}", $"answers:{module.Id}"));
                foreach (var q in printed)
                {
                    number = _options.PrintedQuestions.IndexOf(q) + 1;
                    Body.Add(QuestionPdf.StudentAnswer(_renderer, q, number));
                }
            }
        }

        // ----- Facilitator guide

        private static IEnumerable<(string Title, string Part)> FacilitatorParts(Module module)
        {
            yield return ("Overview and timing", "overview");
            if (module.Facilitator is not null || LessonNotes(module).Any()) yield return ("Facilitator notes", "notes");
            yield return ("Objectives and how they are assessed", "objectives");
            yield return ("Discussion prompts", "discussion");
            yield return ("Answer key", "answer-key");
        }

        private static IEnumerable<(Lesson Lesson, FacilitatorNoteBlock Note)> LessonNotes(Module module) =>
            module.Lessons.SelectMany(l => l.Document.Descendants<FacilitatorNoteBlock>().Select(n => (l, n)));

        private void FacilitatorModule(Module module)
        {
            var s = _styles;
            ModuleOpening(module);
            var parts = FacilitatorParts(module).ToDictionary(p => p.Part, p => p.Title);

            Body.Add(Heading(2, parts["overview"], PartAnchor(module, "overview")));
            var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>>();
            foreach (var lesson in module.Lessons)
                rows.Add([Cell($"{module.Number}.{lesson.Number}  {lesson.Title}"), Cell(Minutes(lesson.Minutes)), Cell(string.Join(", ", lesson.Objectives))]);
            if (module.Quiz is { } quiz)
                rows.Add([Cell($"Graded quiz: {quiz.Title}"), Cell("—"), Cell($"{Math.Min(quiz.Draw, quiz.Pool.Count)} of {quiz.Pool.Count} questions drawn; pass mark {module.PassMark(_course)}%")]);
            rows.Add([Cell("Lessons in total", bold: true), Cell(Minutes(module.Lessons.Sum(l => l.Minutes)), bold: true), Cell("")]);
            rows.Add([Cell("Planned for the module", bold: true), Cell(Minutes(module.Minutes), bold: true), Cell("")]);
            Body.Add(new TableComponent([Cell("Part"), Cell("Time"), Cell("Objectives")], rows));

            if (parts.ContainsKey("notes")) Body.Add(Heading(2, parts["notes"], PartAnchor(module, "notes")));
            if (module.Facilitator is { } notes)
            {
                // Discussion prompts print once, in their own section below. A title heading
                // ("# Facilitator notes: …") gives way to this section's heading, and the notes'
                // own sections sit one level below it.
                var blocks = notes.Document.Where(b => b is not DiscussionBlock and not Markdig.Extensions.Yaml.YamlFrontMatterBlock).ToList();
                var headings = notes.Document.Descendants<HeadingBlock>().ToList();
                if (blocks.FirstOrDefault() is HeadingBlock title && headings.Count(h => h.Level <= title.Level) == 1) blocks.Remove(title);
                var top = blocks.SelectMany(b => b is HeadingBlock h ? [h] : b is ContainerBlock c ? c.Descendants<HeadingBlock>() : []).Select(h => h.Level).DefaultIfEmpty(2).Min();
                UseDocument(module, "facilitator", notes.SourcePath, headingOffset: 3 - top);
                Body.Children.AddRange(_renderer.RenderBlocks(blocks));
            }
            // "::: facilitator" notes written inside lessons, with the lesson they belong to.
            foreach (var (lesson, note) in LessonNotes(module))
            {
                UseLesson(module, lesson);
                Body.Add(Text($"Lesson {module.Number}.{lesson.Number}: {lesson.Title}", s.Small, 10, keepWithNext: true));
                Body.Add(FacilitatorOnlyPdfRenderer<FacilitatorNoteBlock>.Boxed(_renderer, "Facilitator note", note));
            }

            Body.Add(Heading(2, parts["objectives"], PartAnchor(module, "objectives")));
            var questions = module.AllQuestions.ToList();
            foreach (var objective in module.Objectives)
            {
                Body.Add(new Paragraph([new TextRun(objective.Text, s.Body.WithBold()), new TextRun("  " + objective.Id, s.Small)], s.Body) { SpaceBefore = 10, KeepWithNext = true });
                var assessing = questions.Where(q => q.ObjectiveId == objective.Id).ToList();
                if (assessing.Count == 0)
                {
                    Body.Add(Text("No question assesses this objective.", s.Body.WithItalic() with { Color = s.Muted }, 2));
                    continue;
                }
                Body.Add(new ListComponent(assessing.Select(q => new ListItem("•", [new Paragraph(
                    [
                        new TextRun(q.Id, s.Code, LinkTarget.Internal(KeyAnchor(q))),
                        new TextRun(q.Graded ? "  (graded quiz)  " : "  (knowledge check)  ", s.Small),
                        new TextRun(q.StemText, s.Body),
                    ], s.Body) { SpaceBefore = 0 }])).ToList()) { SpaceBefore = 2 });
            }

            Body.Add(Heading(2, parts["discussion"], PartAnchor(module, "discussion")));
            var any = false;
            foreach (var lesson in module.Lessons)
            {
                UseLesson(module, lesson);
                foreach (var prompt in lesson.Document.Descendants<DiscussionBlock>())
                {
                    any = true;
                    Body.Add(Text($"Lesson {module.Number}.{lesson.Number}: {lesson.Title}", s.Small, 10, keepWithNext: true));
                    Body.Add(FacilitatorOnlyPdfRenderer<DiscussionBlock>.Boxed(_renderer, "Discussion", prompt));
                }
            }
            if (module.Facilitator is { } f)
            {
                UseDocument(module, "facilitator", f.SourcePath, headingOffset: 1);
                foreach (var prompt in f.Document.Descendants<DiscussionBlock>())
                {
                    any = true;
                    Body.Add(Text("From the facilitator notes", s.Small, 10, keepWithNext: true));
                    Body.Add(FacilitatorOnlyPdfRenderer<DiscussionBlock>.Boxed(_renderer, "Discussion", prompt));
                }
            }
            if (!any) Body.Add(Text("This module has no discussion prompts.", s.Body.WithItalic() with { Color = s.Muted }, 6));

            Body.Add(Heading(2, parts["answer-key"], PartAnchor(module, "answer-key")));
            var checks = module.Lessons.SelectMany(l => l.Questions.Select(q => (Lesson: l, Question: q))).ToList();
            if (checks.Count > 0)
            {
                Body.Add(Heading(3, "Knowledge checks", PartAnchor(module, "key-checks")));
                foreach (var (lesson, q) in checks)
                {
                    UseLesson(module, lesson);
                    Body.Add(new Anchored(KeyAnchor(q), [QuestionPdf.KeyEntry(_renderer, q, $"lesson {module.Number}.{lesson.Number}")]));
                }
            }
            if (module.Quiz is { } pool)
            {
                Body.Add(Heading(3, $"Quiz pool: {pool.Title}", PartAnchor(module, "key-quiz")));
                Body.Add(Text($"{pool.Pool.Count} questions; each attempt draws {Math.Min(pool.Draw, pool.Pool.Count)}.", s.Body with { Color = s.Muted }, 2));
                UseDocument(module, "quiz", pool.SourcePath, headingOffset: 1);
                foreach (var q in pool.Pool)
                    Body.Add(new Anchored(KeyAnchor(q), [QuestionPdf.KeyEntry(_renderer, q, null)]));
            }
        }

        // ----- Shared pieces

        private void ModuleOpening(Module module)
        {
            Body.Add(Kicker($"MODULE {module.Number} · {module.Minutes} MINUTES", 0));
            Body.Add(Heading(1, module.Title, ModuleAnchor(module), spaceBefore: 2));
            if (!string.IsNullOrWhiteSpace(module.Description))
                Body.Add(Text(module.Description.Trim(), _styles.Body with { Size = 11 }, 6));
        }

        private void UseLesson(Module module, Lesson lesson) => UseDocument(module, lesson.Id, lesson.SourcePath, headingOffset: 1);

        /// <summary>Points the renderer at one source file: its anchors and the folder its images are relative to.</summary>
        private void UseDocument(Module module, string name, string sourcePath, int headingOffset)
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

        private static string ModuleAnchor(Module m) => $"module:{m.Id}";
        private static string LessonAnchor(Module m, Lesson l) => $"lesson:{m.Id}/{l.Id}";
        private static string PartAnchor(Module m, string part) => $"part:{m.Id}/{part}";
        private static string KeyAnchor(Question q) => $"key:{q.Id}";

        private static string Minutes(int minutes) => minutes.ToString(CultureInfo.InvariantCulture) + " min";

        private IReadOnlyList<TextRun> Cell(string text, bool bold = false) => [new TextRun(text, bold ? _styles.Body.WithBold() : _styles.Body)];

        private Paragraph Heading(int level, string text, string anchor, double? spaceBefore = null)
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

        private Paragraph Kicker(string text, double spaceBefore) =>
            new([new TextRun(text, _styles.Label)], _styles.Label) { SpaceBefore = spaceBefore, KeepWithNext = true };

        private static Paragraph Text(string text, TextStyle style, double spaceBefore, double lineSpacing = Leading.Body, bool keepWithNext = false) =>
            new([new TextRun(text, style)], style) { SpaceBefore = spaceBefore, LineSpacing = lineSpacing, KeepWithNext = keepWithNext };
    }
}
