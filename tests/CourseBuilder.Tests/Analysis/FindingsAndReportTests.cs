using System.Globalization;
using System.Text.RegularExpressions;
using CourseBuilder.Analysis;

namespace CourseBuilder.Tests.Analysis;

public sealed class FindingsAndReportTests : IClassFixture<AnalysisFixture>
{
    private readonly AnalysisFixture _fixture;

    public FindingsAndReportTests(AnalysisFixture fixture) => _fixture = fixture;

    [Fact]
    public void FindingsAreCompilerFormatLinesAtTheQuestion()
    {
        var run = _fixture.Analyze();
        var lines = run.Diagnostics.Select(d => d.Format(_fixture.Content)).ToList();
        Assert.Equal(
        [
            "modules/01-basics/quiz.md:6:1: warning CB0202: item t-q1: discrimination 0.00 over 5 first attempts, below 0.20; it hardly separates stronger from weaker students: check for ambiguity or a clue",
            "modules/01-basics/quiz.md:6:1: warning CB0206: item t-q1: options c (0%), d (0%) chosen by fewer than 5% over 5 first attempts: not working as distractors",
        ], lines);
    }

    [Fact]
    public void FewResponsesAreMarkedNotYetReliable()
    {
        var run = _fixture.Analyze(new AnalysisSettings());   // 5 responses against the default 30
        Assert.All(run.Diagnostics, d => Assert.EndsWith("; not yet reliable (fewer than 30 responses)", d.Message));
        Assert.All(run.Result!.Quizzes.Single().Items, i => Assert.False(i.Reliable));
    }

    [Fact]
    public void ThresholdsAreConfigurable()
    {
        var run = _fixture.Analyze(new AnalysisSettings { MinResponses = 5, LowDiscrimination = 0.7, TooHard = 0.5 });
        var codes = run.Diagnostics.Select(d => $"{d.Code} {d.Message.Split(':')[0]}").ToList();
        Assert.Equal(["CB0202 item t-q1", "CB0206 item t-q1", "CB0202 item t-q2", "CB0202 item t-q3", "CB0205 item t-q3"], codes);
    }

    [Fact]
    public void HtmlReportIsSelfContainedWithAccessibleCharts()
    {
        var outDir = _fixture.Scratch("report");
        var run = _fixture.Analyze(outDir: outDir);
        var html = File.ReadAllText(run.ReportPath!);

        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        // A histogram and a scatter for the quiz, and option bars for each of its three items.
        Assert.Equal(5, Regex.Matches(html, "<svg role=\"img\"").Count);
        Assert.Equal(5, Regex.Matches(html, @"<svg[^>]*><title id=""[^""]+-title"">[^<]+</title><desc id=""[^""]+-desc"">[^<]+</desc>").Count);
        Assert.Contains("<caption>Items of module 1</caption>", html);
        Assert.Contains("<h1>Item analysis: Fixture Course</h1>", html);
        Assert.Contains("<td class=\"num\">0.65</td>", html);   // t-q2's point-biserial
        Assert.Contains("<h3>Findings, module 1</h3>\n<ul>\n<li><code>modules/01-basics/quiz.md:6</code> warning CB0202", html);
        Assert.DoesNotContain("S1", html);                      // no student is named
    }

    [Fact]
    public void CsvTableHasOneRowPerItem()
    {
        var run = _fixture.Analyze(outDir: _fixture.Scratch("csv"));
        var lines = File.ReadAllLines(run.CsvPath!);
        Assert.Equal(ItemTable.Header, lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("basics,t-q1,single,5,yes,0.600,0.000,1.000,a,a=3 b=2 c=0 d=0,low-discrimination idle-distractor,modules/01-basics/quiz.md:6", lines[1]);
        Assert.Equal("basics,t-q2,single,5,yes,0.600,0.645,1.000,b,a=1 b=3 c=1,,modules/01-basics/quiz.md:21", lines[2]);
    }

    [Fact]
    public void OutputIsTheSameBytesInAnyCulture()
    {
        var first = _fixture.Analyze(outDir: _fixture.Scratch("culture-a"));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var second = _fixture.Analyze(outDir: _fixture.Scratch("culture-b"));
            Assert.Equal(File.ReadAllBytes(first.ReportPath!), File.ReadAllBytes(second.ReportPath!));
            Assert.Equal(File.ReadAllBytes(first.CsvPath!), File.ReadAllBytes(second.CsvPath!));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void AFileAnalyzeDidNotWriteIsNeverReplaced()
    {
        var outDir = _fixture.Scratch("authors");
        Directory.CreateDirectory(outDir);
        var mine = Path.Combine(outDir, Analyzer.ReportFile);
        File.WriteAllText(mine, "<p>my notes</p>");
        Assert.Throws<CourseBuilder.Build.UsageException>(() => _fixture.Analyze(outDir: outDir));
        Assert.Equal("<p>my notes</p>", File.ReadAllText(mine));
        // Its own report it replaces.
        File.Delete(mine);
        _fixture.Analyze(outDir: outDir);
        _fixture.Analyze(outDir: outDir);
        Assert.Contains(HtmlReport.Marker, File.ReadAllText(mine));
    }
}
