using System.Text;
using CourseBuilder.Build;
using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;

namespace CourseBuilder.Analysis;

public sealed record AnalyzeOptions(string ContentDirectory, IReadOnlyList<string> ResultsFiles, string? OutputDirectory, AnalysisSettings Settings);

/// <summary>What <c>coursebuilder analyze</c> did: diagnostics (sorted), the statistics, and the report files written.</summary>
public sealed record AnalyzeRun(IReadOnlyList<Diagnostic> Diagnostics, AnalysisResult? Result, string? ReportPath, string? CsvPath)
{
    /// <summary>False when the content or a results file could not be read: exit 1.</summary>
    public bool Succeeded => Result is not null && !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// <c>coursebuilder analyze</c>: load the content, read the results, compute the item statistics,
/// report findings at the questions, and write the HTML report and the item table.
/// </summary>
public static class Analyzer
{
    public const string ReportFile = "item-analysis.html";
    public const string CsvFile = "item-analysis.csv";

    public static AnalyzeRun Run(AnalyzeOptions options)
    {
        var diagnostics = new DiagnosticBag();
        // The content's own warnings (item-writing rules among them) are `check`'s to report;
        // here they would bury the findings about how the items performed. Errors still stop.
        var loading = new DiagnosticBag();
        var course = LoadStage.Load(options.ContentDirectory, loading);
        foreach (var problem in loading.Sorted().Where(d => d.IsError)) diagnostics.Add(problem);
        var files = options.ResultsFiles.Select(f => ResultsReader.Read(f, diagnostics)).ToList();
        if (course is null || diagnostics.HasErrors || files.Any(f => f is null))
            return new AnalyzeRun(diagnostics.Sorted(), null, null, null);

        var read = files.Select(f => f!).ToList();
        foreach (var file in read.Where(f => f.Answers.Count == 0))
            diagnostics.Warning(DiagnosticCode.NoAnswersInResults, SourceLocation.File(file.Path),
                $"no answers in {file.Rows} row(s): " + (file.Format == ResultsFormat.MoodleInteractions
                    ? "Moodle's Interactions report shows answers only for SCORM 1.2 packages (it reads SCORM 1.2 field names); analyse the SCORM 1.2 package's report"
                    : "the file has a header but no rows"));
        var attempts = ResultsMapper.Map(course, read, diagnostics);
        var quizzes = ItemAnalysis.Compute(course, attempts, options.Settings);
        Findings.Report(quizzes, options.Settings, diagnostics);
        var result = new AnalysisResult(options.Settings, read, quizzes);

        string? reportPath = null, csvPath = null;
        if (options.OutputDirectory is { } outDir)
        {
            Directory.CreateDirectory(outDir);
            reportPath = Path.GetFullPath(Path.Combine(outDir, ReportFile));
            csvPath = Path.GetFullPath(Path.Combine(outDir, CsvFile));
            var sorted = diagnostics.Sorted();
            WriteOwn(reportPath, HtmlReport.Render(course, result, sorted), HtmlReport.Marker);
            WriteOwn(csvPath, ItemTable.Render(course, result), ItemTable.Header);
        }
        return new AnalyzeRun(diagnostics.Sorted(), result, reportPath, csvPath);
    }

    /// <summary>
    /// Writes a report file through a temporary file and a rename, so an interrupted run leaves the
    /// previous one whole, and refuses to replace a file that analyze did not write (an author's files are sacred).
    /// </summary>
    private static void WriteOwn(string path, string text, string marker)
    {
        if (File.Exists(path) && !File.ReadLines(path).Take(10).Any(l => l.Contains(marker, StringComparison.Ordinal)))
            throw new UsageException($"{path} exists and was not written by 'coursebuilder analyze'; choose another --out folder");
        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
