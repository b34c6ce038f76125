using CourseBuilder.Cli;
using CourseBuilder.Tests.Support;
using static CourseBuilder.Tests.Support.InProcessCli;

namespace CourseBuilder.Tests.Analysis;

public sealed class AnalyzeCliTests : IClassFixture<AnalysisFixture>
{
    private readonly AnalysisFixture _fixture;

    public AnalyzeCliTests(AnalysisFixture fixture) => _fixture = fixture;

    [Fact]
    public void AnalyzePrintsFindingsAndASummaryLinkingTheReport()
    {
        var outDir = _fixture.Scratch("cli");
        var (code, output, error) = Run("analyze", _fixture.Content, "--results", AnalysisFixture.Synthetic, "--out", outDir, "--min-responses", "5");
        Assert.Equal(ExitCode.Success, code);
        Assert.Contains("01-basics/quiz.md:6:1: warning CB0206: item t-q1: options c (0%), d (0%)", error);
        Assert.Contains("module 1 basics: 5 first attempts by 5 student(s), mean 53.3%, pass rate 20% (1/5), reliability 0.54; 3 item(s), 1 flagged", output);
        Assert.Contains("report: file://", output);
        Assert.True(File.Exists(Path.Combine(outDir, "item-analysis.html")));
    }

    [Fact]
    public void UnreadableResultsExitOneWithADiagnosticAndNoStackTrace()
    {
        var missing = _fixture.Scratch("nowhere.csv");
        var (code, _, error) = Run("analyze", _fixture.Content, "--results", missing, "--out", _fixture.Scratch("cli-bad"));
        Assert.Equal(ExitCode.AuthorErrors, code);
        Assert.Contains("nowhere.csv:1:1: error CB0200: cannot read the results file", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void UnknownQuestionsWarnButDoNotFail()
    {
        var file = _fixture.Scratch("unknown.csv");
        File.WriteAllText(file, "student,attempt,question,response,result\nS1,1,t-q1_a1,a,correct\nS1,1,m9-q-gone_a1,b,wrong\n");
        var (code, _, error) = Run("analyze", _fixture.Content, "--results", file, "--out", _fixture.Scratch("cli-unknown"));
        Assert.Equal(ExitCode.Success, code);
        Assert.Contains("unknown.csv:3:3: warning CB0207: question 'm9-q-gone' (once) is not in the content's quizzes", error);
    }

    [Fact]
    public void MissingResultsOrBadThresholdsAreUsageErrors()
    {
        Assert.Equal(ExitCode.UsageError, Run("analyze", _fixture.Content).Code);
        var (code, _, error) = Run("analyze", _fixture.Content, "--results", AnalysisFixture.Synthetic, "--too-easy", "1.5");
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Contains("--too-easy must be a proportion between 0 and 1", error);
    }
}
