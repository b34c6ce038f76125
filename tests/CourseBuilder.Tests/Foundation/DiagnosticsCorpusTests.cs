using CourseBuilder.Analysis;
using CourseBuilder.Build;
using CourseBuilder.Diagnostics;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

/// <summary>
/// The bad-input corpus: each folder under Fixtures/diagnostics overlays the valid fixture course
/// with one mistake (see <see cref="BadInputCorpus"/>) and lists in
/// expect.txt exactly the diagnostics it must produce: 'path:line:col: CODE [message fragment]'.
/// A fixture with a results/ folder is analysed instead of checked: `coursebuilder analyze` with
/// the files in it, default thresholds (the item-analysis codes CB0200-CB0219).
/// </summary>
public sealed class DiagnosticsCorpusTests
{
    public static TheoryData<string> Cases() => new(BadInputCorpus.Names());

    [Fact]
    public void TheValidFixtureHasNoDiagnostics()
    {
        var result = CourseBuild.Check(TestPaths.ValidCourse);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachBadInputYieldsExactlyItsDiagnostic(string name)
    {
        using var temp = new TempDir("diag");
        var content = BadInputCorpus.Prepare(temp, name);
        var fixture = Path.Combine(BadInputCorpus.Folder, name);

        var resultsFolder = Path.Combine(content, "results");
        var diagnostics = Directory.Exists(resultsFolder)
            ? Analyzer.Run(new AnalyzeOptions(content, Directory.GetFiles(resultsFolder).Order(StringComparer.Ordinal).ToList(), null, new AnalysisSettings())).Diagnostics
            : CourseBuild.Check(content).Diagnostics;

        var expected = File.ReadAllLines(Path.Combine(fixture, "expect.txt")).Where(l => l.Trim().Length > 0).Select(Expectation.Parse).ToList();
        var actual = diagnostics.Select(d => d with { Location = d.Location with { Path = Path.GetRelativePath(content, d.Location.Path).Replace('\\', '/') } }).ToList();
        var report = string.Join("\n", actual.Select(d => d.Format()));
        Assert.True(expected.Count == actual.Count, $"expected {expected.Count} diagnostic(s), got {actual.Count}:\n{report}");
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.Code, got.Code);
            Assert.Equal($"{want.Path}:{want.Line}:{want.Column}", got.Location.ToString());
            if (want.Fragment is { } fragment) Assert.Contains(fragment, got.Message);
            Assert.Equal(DiagnosticCode.All.Single(c => c.Id == got.Code).DefaultSeverity, got.Severity);
        }
    }

    private sealed record Expectation(string Path, int Line, int Column, string Code, string? Fragment)
    {
        public static Expectation Parse(string line)
        {
            // path:line:col: CODE optional message fragment
            var parts = line.Split(": ", 2);
            var position = parts[0].Split(':');
            var rest = parts[1].Split(' ', 2);
            return new Expectation(position[0], int.Parse(position[1]), int.Parse(position[2]), rest[0], rest.Length > 1 ? rest[1] : null);
        }
    }
}
