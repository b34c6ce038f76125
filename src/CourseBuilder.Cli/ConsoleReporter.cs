using CourseBuilder.Build;
using CourseBuilder.Diagnostics;
using Spectre.Console;

namespace CourseBuilder.Cli;

/// <summary>
/// Terminal output. On an interactive terminal: a Spectre.Console progress display per stage and
/// a summary table. When output is redirected or NO_COLOR is set: plain lines, one per event.
/// Spectre.Console is touched only in the methods that draw (<see cref="Fancy"/>), so a build
/// whose output is plain never loads it: start-up is most of a quick build's time.
/// </summary>
public sealed class ConsoleReporter(TextWriter output, TextWriter error, bool quiet, bool verbose)
{
    private readonly bool _fancy = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");

    public T RunWithProgress<T>(Func<IBuildProgress?, T> run)
    {
        if (quiet) return run(null);
        if (!_fancy) return run(new PlainProgress(output, verbose));
        return Fancy.RunWithProgress(run);
    }

    public void PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics, string contentDirectory)
    {
        var baseDir = Directory.GetCurrentDirectory();
        foreach (var d in diagnostics)
            error.WriteLine(d.Format(baseDir));
    }

    public void PrintBuildSummary(BuildResult result, string outputDirectory)
    {
        var errors = result.Diagnostics.Count(d => d.IsError);
        var warnings = result.Diagnostics.Count - errors;
        if (!result.Succeeded)
        {
            error.WriteLine($"build failed: {errors} error(s), {warnings} warning(s); {outputDirectory}/ was left as it was");
            return;
        }
        if (quiet) return;
        if (result.UpToDate)
        {
            output.WriteLine($"{outputDirectory}/ is up to date ({result.Artifacts.Count} artifact(s), nothing changed) in {result.Duration.TotalSeconds:0.00} s");
            return;
        }
        if (_fancy) Fancy.WriteSummaryTable(result);
        var reused = result.RebuiltScopes.Count < result.Artifacts.Select(a => a.ModuleId ?? "(course)").Distinct().Count()
            ? $"; rebuilt {string.Join(", ", result.RebuiltScopes)}, the rest unchanged" : "";
        output.WriteLine($"built {result.Artifacts.Count} artifact(s) into {outputDirectory}/ in {result.Duration.TotalSeconds:0.00} s ({warnings} warning(s){reused})");
    }

    public void PrintWatching(string contentDirectory) =>
        output.WriteLine($"watching {contentDirectory} for changes; press Ctrl+C to stop");

    public void PrintCheckSummary(BuildResult result)
    {
        var errors = result.Diagnostics.Count(d => d.IsError);
        var warnings = result.Diagnostics.Count - errors;
        if (!quiet || errors > 0)
            (errors > 0 ? error : output).WriteLine($"check: {errors} error(s), {warnings} warning(s) in {result.Duration.TotalSeconds:0.00} s");
    }

    private static string FormatSize(long bytes) =>
        bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.0} MiB" : $"{bytes / 1024.0:0.0} KiB";

    private sealed class PlainProgress(TextWriter output, bool verbose) : IBuildProgress
    {
        private readonly object _lock = new();
        public void StageStarted(string stage, int steps) { lock (_lock) output.WriteLine($"{stage}: {steps} step(s)"); }
        public void StepDone(string stage, string item) { if (verbose) lock (_lock) output.WriteLine($"{stage}: {item} done"); }
        public void StageFinished(string stage) { lock (_lock) output.WriteLine($"{stage}: done"); }
    }

    /// <summary>Everything that draws with Spectre.Console; loaded only on an interactive terminal.</summary>
    private static class Fancy
    {
        public static T RunWithProgress<T>(Func<IBuildProgress?, T> run)
        {
            T result = default!;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx => result = run(new SpectreProgress(ctx)));
            return result;
        }

        public static void WriteSummaryTable(BuildResult result)
        {
            var table = new Table().AddColumns("Kind", "Artifacts", "Size");
            foreach (var group in result.Artifacts.GroupBy(a => a.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
                table.AddRow(group.Key, group.Count().ToString(), FormatSize(group.Sum(a => a.Size)));
            AnsiConsole.Write(table);
        }
    }

    private sealed class SpectreProgress(ProgressContext context) : IBuildProgress
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new();
        public void StageStarted(string stage, int steps) { lock (_tasks) _tasks[stage] = context.AddTask(stage, maxValue: Math.Max(1, steps)); }
        public void StepDone(string stage, string item) { lock (_tasks) if (_tasks.TryGetValue(stage, out var t)) { t.Increment(1); t.Description = $"{stage}: {Markup.Escape(item)}"; } }
        public void StageFinished(string stage) { lock (_tasks) if (_tasks.TryGetValue(stage, out var t)) { t.Value = t.MaxValue; t.Description = stage; t.StopTask(); } }
    }
}
