using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Model;
using Markdig.Syntax;

namespace CourseBuilder.Tests.Pdf;

/// <summary>A one-module course whose lessons are Markdown written in the test, parsed with the real pipeline.</summary>
public static class SyntheticCourse
{
    public static Course With(params string[] lessons) => With(PageSize.A4, lessons);

    public static Course With(PageSize pageSize, params string[] lessons) => In(Path.GetTempPath(), pageSize, lessons);

    /// <summary>A course whose content folder (where images are looked up) is the given one.</summary>
    public static Course In(string contentDirectory, PageSize pageSize, params string[] lessons)
    {
        var at = new SourceLocation("test.md", 1, 1);
        var parsed = lessons.Select((text, i) =>
        {
            var document = CourseMarkdown.Parse(text);
            var questions = document.Descendants<QuestionBlock>()
                .Select(b => QuestionBinder.Bind(b, graded: false, "test.md", new DiagnosticBag()))
                .OfType<Question>().ToList();
            return new Lesson($"lesson-{i + 1}", i + 1, $"Lesson number {i + 1}", [], 10, document, questions, "test.md", at);
        }).ToList();
        var module = new Module("synthetic", 1, "Synthetic module", "A module written by a test.", 30,
            [new Objective("o1", "Do the thing.", at)], parsed, null, null, QuizUnlock.Always, [], [], contentDirectory, at);
        return new Course("synthetic-course", "Synthetic course", null, "Test School", "en-GB", "0.1.0", new DateOnly(2026, 1, 2),
            ["Test Author"], 80, 0, pageSize, [OutputFormat.Pdf], new Theme("#1d5d90", null, null), false, [module], contentDirectory, at);
    }
}
