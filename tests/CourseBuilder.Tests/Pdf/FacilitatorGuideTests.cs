using CourseBuilder.Markdown.Discussions;
using CourseBuilder.Markdown;
using Markdig.Syntax;
using UglyToad.PdfPig;
using static CourseBuilder.Tests.Pdf.PdfReading;

namespace CourseBuilder.Tests.Pdf;

public class FacilitatorGuideTests
{
    private static GuideCourse Bundle => GuideCourse.Instance;

    [Fact]
    public void Answer_key_holds_every_question_of_every_pool_with_its_correct_answer()
    {
        using var pdf = PdfDocument.Open(Bundle.FacilitatorGuide);
        var text = AllText(pdf);
        var key = text[text.LastIndexOf("Answer key", StringComparison.Ordinal)..];
        var questions = Bundle.Module.AllQuestions.ToList();
        Assert.Contains(questions, q => q.Graded);
        foreach (var q in questions)
        {
            Assert.Contains(q.Id, key);
            foreach (var choice in q.CorrectChoices) Assert.Contains("Correct: " + choice.PlainText.Split(' ')[0], key);
        }
        Assert.Contains("Graded feedback: the key is for the facilitator.", key); // per-choice feedback
        Assert.Contains("Explanation", key);
    }

    [Fact]
    public void Overview_timing_objectives_and_discussion_prompts_are_there()
    {
        using var pdf = PdfDocument.Open(Bundle.FacilitatorGuide);
        var text = AllText(pdf);
        Assert.Contains("Overview and timing", text);
        Assert.Contains($"{Bundle.Module.Minutes} min", text);
        foreach (var lesson in Bundle.Module.Lessons) Assert.Contains($"{lesson.Minutes} min", text);
        foreach (var objective in Bundle.Module.Objectives) Assert.Contains(objective.Id, text);
        var prompts = Bundle.Module.Lessons.SelectMany(l => l.Document.Descendants<DiscussionBlock>())
            .Concat(Bundle.Module.Facilitator?.Document.Descendants<DiscussionBlock>() ?? []).ToList();
        Assert.NotEmpty(prompts);
        foreach (var prompt in prompts)
            Assert.Contains(string.Join(' ', PlainText.Of((Block)prompt).Split(' ').Take(6)), text);
    }

    [Fact]
    public void Facilitator_notes_inside_lessons_print_only_in_the_facilitator_guide()
    {
        var course = CourseBuilder.Tests.Pdf.SyntheticCourse.With("Lesson text.\n\n::: facilitator\nBring printed handouts for the pairs.\n:::\n");
        var module = course.Modules[0];
        using var facilitator = PdfDocument.Open(CourseBuilder.Pdf.PdfStage.FacilitatorGuide(course, module));
        using var student = PdfDocument.Open(CourseBuilder.Pdf.PdfStage.StudentGuide(course, module));
        Assert.Contains("Bring printed handouts for the pairs.", AllText(facilitator));
        Assert.Contains("Lesson text.", AllText(student));
        Assert.DoesNotContain("printed handouts", AllText(student));
    }
}
