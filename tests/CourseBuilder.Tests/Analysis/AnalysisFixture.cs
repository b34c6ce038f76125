using CourseBuilder.Analysis;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Analysis;

/// <summary>The valid fixture course with Fixtures/analysis/quiz.md as module 1's quiz (t-q1, t-q2, t-q3), in a temporary folder.</summary>
public sealed class AnalysisFixture : IDisposable
{
    private readonly TempDir _temp = new("analysis");

    public AnalysisFixture()
    {
        Content = _temp.CopyFrom(TestPaths.ValidCourse);
        File.Copy(Path.Combine(Folder, "quiz.md"), Path.Combine(Content, "modules", "01-basics", "quiz.md"), overwrite: true);
    }

    public static string Folder => Path.Combine(TestPaths.Fixtures, "analysis");
    public static string Synthetic => Path.Combine(Folder, "synthetic.csv");
    public static string MoodleExport(string name) => Path.Combine(TestPaths.Fixtures, "lms-exports", name);

    public string Content { get; }
    public string Scratch(string name) => _temp.Sub(name);

    public AnalyzeRun Analyze(AnalysisSettings? settings = null, string? outDir = null, params string[] results) =>
        Analyzer.Run(new AnalyzeOptions(Content, results.Length == 0 ? [Synthetic] : results, outDir, settings ?? new AnalysisSettings { MinResponses = 5 }));

    public void Dispose() => _temp.Dispose();
}
