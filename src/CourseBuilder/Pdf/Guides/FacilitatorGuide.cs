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
/// The facilitator guide: per module an overview with timing, the facilitator notes, how each
/// objective is assessed, the discussion prompts and the answer key to every question.
/// </summary>
internal sealed class FacilitatorGuide(Course course, Module? module) : GuideComposer(course, module, GuideAudience.Facilitator, "Facilitator guide")
{
    protected override IEnumerable<IComponent> ContentsEntries(Module module) =>
        FacilitatorParts(module).Select(p => new ContentsEntry(p.Title, PartAnchor(module, p.Part), 2));

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

    protected override void ModulePages(Module module)
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

}
