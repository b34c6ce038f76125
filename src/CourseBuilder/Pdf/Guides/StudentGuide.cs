using System.Globalization;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Discussions;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Model;
using CourseBuilder.Pdf.Layout;
using CourseBuilder.Markdown.PdfRendering;
using Markdig.Syntax;

namespace CourseBuilder.Pdf.Guides;

/// <summary>The student guide: each module's objectives and lessons, then the answers to the knowledge checks.</summary>
internal sealed class StudentGuide(Course course, Module? module) : GuideComposer(course, module, GuideAudience.Student, "Student guide")
{
    protected override IEnumerable<IComponent> ContentsEntries(Module module) =>
        module.Lessons.Select(lesson => new ContentsEntry($"{module.Number}.{lesson.Number}  {lesson.Title}", LessonAnchor(module, lesson), 2));

    protected override IEnumerable<IComponent> ContentsAfterModules() =>
        Modules.Any(m => m.Lessons.Any(l => l.Questions.Count > 0)) ? [new ContentsEntry("Answers to knowledge checks", "answers", 1)] : [];

    protected override void AfterModules() => Answers();

    protected override void ModulePages(Module module)
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

}
