using CourseBuilder.Analysis;
using CourseBuilder.Diagnostics;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Analysis;

/// <summary>The reader on real downloads of Moodle's SCORM interactions report (Fixtures/lms-exports, see SOURCES.md).</summary>
public sealed class MoodleExportTests
{
    private static ResultsFile Read(string name, DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var file = ResultsReader.Read(AnalysisFixture.MoodleExport(name), diagnostics);
        Assert.Empty(diagnostics.Sorted());
        return file!;
    }

    [Fact]
    public void ModuleExportHasEveryAttemptAndAnswer()
    {
        var file = Read("moodle-scorm12-module-interactions.tsv");
        Assert.Equal(ResultsFormat.MoodleInteractions, file.Format);
        Assert.Equal(5, file.Rows);              // pass, fail ×2, resume (Incomplete, no answers), preview
        Assert.Equal(4, file.RowsWithAnswers);
        Assert.Equal(16, file.Answers.Count);    // four answers in each of four rows

        var first = file.Answers[0];
        Assert.Equal("Stu pass Learner / stu_pass@example.invalid", first.Student);
        Assert.Equal(1, first.Attempt);
        Assert.Equal("m3-q-voice-three_a1", first.InteractionId);
        Assert.Equal("a,c,d", first.Response);
        Assert.Equal("a,c,d", first.RightAnswer);
        Assert.Equal("correct", first.Result);
        Assert.Equal(2, first.Location.Line);
        Assert.Equal(8, first.Location.Column);   // the 8th field: "Question 0"

        var retake = file.Answers.Where(a => a.Student.StartsWith("Stu fail") && a.Attempt == 2).ToList();
        Assert.Equal(["m3-q-permanence_a1", "m3-q-voice-three_a1", "m3-q-separate_a1", "m3-s-policy-post_a1"], retake.Select(a => a.InteractionId));
        Assert.Equal("wrong", file.Answers.First(a => a.Student.StartsWith("Stu fail")).Result);
    }

    [Fact]
    public void CourseExportHoldsEveryModulesAnswersInOneRow()
    {
        var file = Read("moodle-scorm12-course-interactions.tsv");
        Assert.Equal(4, file.Rows);              // pass, fail, resume (Incomplete), preview ('-': no attempt)
        Assert.Equal(2, file.RowsWithAnswers);
        Assert.Equal(44, file.Answers.Count);    // 22 each: 4 + 4 + 4 + 4 + 6 items drawn
        var last = file.Answers.Last();
        Assert.Equal("m5-s-classmate-post_a1", last.InteractionId);
        Assert.Equal("a", last.Response);
        Assert.Equal("c", last.RightAnswer);
        Assert.Equal("wrong", last.Result);
    }

    [Fact]
    public void Scorm2004ExportHasNoAnswersAndAnalyzeSaysWhy()
    {
        var file = Read("moodle-scorm2004-module-interactions.tsv");
        Assert.Equal(5, file.Rows);
        Assert.Empty(file.Answers);

        var run = Analyzer.Run(new AnalyzeOptions(TestPaths.BundledContent, [AnalysisFixture.MoodleExport("moodle-scorm2004-module-interactions.tsv")], null, new AnalysisSettings()));
        Assert.True(run.Succeeded);
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("CB0210", warning.Code);
        Assert.Contains("only for SCORM 1.2 packages", warning.Message);
    }

    [Fact]
    public void AnswersMapBackToTheBundledCoursesQuestionsWhateverTheDrawOrder()
    {
        var settings = new AnalysisSettings();
        var run = Analyzer.Run(new AnalyzeOptions(TestPaths.BundledContent, [AnalysisFixture.MoodleExport("moodle-scorm12-module-interactions.tsv")], null, settings));
        Assert.DoesNotContain(run.Diagnostics, d => d.Code is "CB0207" or "CB0208" or "CB0209" or "CB0211");
        var quiz = Assert.Single(run.Result!.Quizzes);
        Assert.Equal("voice", quiz.Module.Id);
        Assert.Equal(3, quiz.Attempts);                         // first attempts of pass, fail and preview
        Assert.Equal([(1, 2), (2, 1)], quiz.AttemptsUsed);      // fail took it twice
        Assert.Equal(2, quiz.Passed);                           // 100, 0, 100 against 80
        var permanence = quiz.Items.Single(i => i.Question.Id == "m3-q-permanence");
        Assert.Equal(3, permanence.Responses);
        Assert.Equal(2 / 3.0, permanence.Difficulty, 6);        // b, a, b with key b

        var all = Analyzer.Run(new AnalyzeOptions(TestPaths.BundledContent, [AnalysisFixture.MoodleExport("moodle-scorm12-module-interactions.tsv")], null, settings with { AllAttempts = true }));
        var again = all.Result!.Quizzes.Single().Items.Single(i => i.Question.Id == "m3-q-permanence");
        Assert.Equal(4, again.Responses);
        Assert.Equal(0.75, again.Difficulty, 6);                // fail's second attempt chose b
    }

    [Fact]
    public void TheCourseExportCoversEveryModuleQuiz()
    {
        var run = Analyzer.Run(new AnalyzeOptions(TestPaths.BundledContent, [AnalysisFixture.MoodleExport("moodle-scorm12-course-interactions.tsv")], null, new AnalysisSettings()));
        Assert.True(run.Succeeded);
        Assert.Equal(5, run.Result!.Quizzes.Count);
        Assert.All(run.Result.Quizzes, q => Assert.Equal(2, q.Attempts));
        Assert.All(run.Result.Quizzes, q => Assert.Equal(1, q.Passed));
        Assert.DoesNotContain(run.Diagnostics, d => d.Code == "CB0207");
    }
}
