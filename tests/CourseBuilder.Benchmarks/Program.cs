using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Running;
using CourseBuilder.Benchmarks;

// Whole-process benchmarks of the coursebuilder command on synthetic curricula, and
// BenchmarkDotNet micro-benchmarks of the hot stages. See README "Tests and benchmarks".
var command = args.FirstOrDefault() ?? "curriculum";
switch (command)
{
    case "curriculum":
        var sizes = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [50, 100, 200];
        Console.WriteLine("modules  wall_s  modules_per_s  pdf_pages  pages_per_s  peak_rss_mib  output_mib");
        foreach (var n in sizes)
        {
            using var temp = new Temp();
            SyntheticCurriculum.Write(temp.Sub("content"), n);
            var run = ProcessRunner.Run(["build", temp.Sub("content"), "--out", temp.Sub("output"), "--quiet"]);
            var (pages, bytes) = OutputStats(temp.Sub("output"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n,7}  {run.Wall.TotalSeconds,6:0.00}  {n / run.Wall.TotalSeconds,13:0.0}  {pages,9}  {pages / run.Wall.TotalSeconds,11:0}  {run.PeakRssMiB,12:0}  {bytes / 1048576.0,10:0.0}"));
        }
        break;
    case "bundled":
        {
            var root = RepoRoot();
            using var temp = new Temp();
            var run = ProcessRunner.Run(["build", Path.Combine(root, "content"), "--out", temp.Sub("output"), "--quiet"]);
            var (pages, bytes) = OutputStats(temp.Sub("output"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bundled course: wall {run.Wall.TotalSeconds:0.00} s, {pages} PDF pages ({pages / run.Wall.TotalSeconds:0} pages/s over the whole build), peak RSS {run.PeakRssMiB:0} MiB, output {bytes / 1048576.0:0.0} MiB"));
            break;
        }
    case "startup":
        {
            // Side by side, as whole processes: `--version` (start-up alone), a full build of the
            // bundled course and a build with nothing changed; medians of N runs, and the ratios
            // issue 15 sets targets for (full within 4x, nothing changed within 1.5x of --version).
            // Twice: the tool as users run it (`dotnet pack`, `dotnet tool install` into a temporary
            // tool path: on Linux x64 the ReadyToRun package), and the development build the other
            // benchmarks run (`dotnet CourseBuilder.Cli.dll` from this benchmark's bin folder, JIT).
            // `startup N dll` measures only the latter (no pack, half a minute quicker).
            var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
            var root = RepoRoot();
            using var temp = new Temp();
            var candidates = new List<(string Name, string? Executable)>();
            if (!args.Contains("dll"))
                candidates.Add(("installed tool (coursebuilder from its package)", InstalledTool.Install(root, temp.Sub("tool"))));
            candidates.Add(("development build (dotnet CourseBuilder.Cli.dll)", null));
            foreach (var (name, executable) in candidates)
            {
                var output = temp.Sub("output-" + candidates.IndexOf((name, executable)));
                string[] build = ["build", Path.Combine(root, "content"), "--out", output, "--quiet"];
                ProcessRunner.Run(build, executable); // compiles the templates once and leaves an output to compare with
                double Median(string[] arguments) =>
                    Enumerable.Range(0, rounds).Select(_ => ProcessRunner.Run(arguments, executable).Wall.TotalSeconds).Order().ElementAt(rounds / 2);
                var version = Median(["--version"]);
                var full = Median([.. build, "--no-cache"]);
                var unchanged = Median(build);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}, median of {rounds}: --version {version:0.000} s; full build {full:0.000} s ({full / version:0.0}x); nothing changed {unchanged:0.000} s ({unchanged / version:0.0}x)"));
            }
            break;
        }
    case "warm":
        {
            // In-process: the same full build of the bundled course N times. The first run pays
            // start-up (assembly loading, JIT, template loading); the later ones are the work
            // itself, so the difference is what start-up costs a build. Per-job times show where
            // the work goes.
            var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
            var root = RepoRoot();
            using var temp = new Temp();
            for (var round = 1; round <= rounds; round++)
            {
                var timings = new StepTimings();
                var sw = Stopwatch.StartNew();
                CourseBuilder.Build.CourseBuild.Run(new(Path.Combine(root, "content"), temp.Sub("output"), Progress: timings, UseCache: false));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {round}: {sw.Elapsed.TotalSeconds:0.000} s; {timings}"));
            }
            break;
        }
    case "generate":
        // Writes a synthetic curriculum to a folder, for profiling one stage with `coursebuilder build --format …`.
        SyntheticCurriculum.Write(args[2], int.Parse(args[1]));
        Console.WriteLine($"wrote {args[1]} modules to {args[2]}");
        break;
    case "check":
        {
            var lessons = args.Length > 1 ? int.Parse(args[1]) : 500;
            using var temp = new Temp();
            SyntheticCurriculum.WriteLessons(temp.Sub("content"), lessons);
            var run = ProcessRunner.Run(["check", temp.Sub("content"), "--quiet"]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"check on {lessons} lessons: wall {run.Wall.TotalSeconds:0.00} s (whole process), peak RSS {run.PeakRssMiB:0} MiB, exit {run.ExitCode}"));
            break;
        }
    case "stages":
        {
            // In-process timing of each stage's first and second run: shows what start-up costs (template compilation).
            var root = RepoRoot();
            var sw = Stopwatch.StartNew();
            var course = CourseBuilder.Loading.LoadStage.Load(Path.Combine(root, "content"), new CourseBuilder.Diagnostics.DiagnosticBag())!;
            Console.WriteLine($"load+check: {sw.ElapsedMilliseconds} ms");
            var html = new CourseBuilder.Html.HtmlStage(course, new CourseBuilder.Html.TemplateEngine(course.ContentDirectory));
            sw.Restart();
            html.Render(course.Modules[0]);
            Console.WriteLine($"first module render (template compilation included): {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            html.Render(course.Modules[1]);
            Console.WriteLine($"second module render: {sw.ElapsedMilliseconds} ms");
            break;
        }
    case "guide":
        {
            // The PDF stage at scale, in-process, for profiling: `guide DIR [ROUNDS]` times the whole-course
            // student guide; `guide DIR ROUNDS modules` every module's student guide instead.
            var course = CourseBuilder.Loading.LoadStage.Load(args[1], new CourseBuilder.Diagnostics.DiagnosticBag())!;
            for (var round = 0; round < (args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3); round++)
            {
                var allocated = GC.GetTotalAllocatedBytes();
                var sw = Stopwatch.StartNew();
                var pdf = args.Length > 3
                    ? course.Modules.Select(m => CourseBuilder.Pdf.PdfStage.StudentGuide(course, m)).SelectMany(b => b).ToArray()
                    : CourseBuilder.Pdf.PdfStage.StudentGuide(course, null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(args.Length > 3 ? "module student guides" : "whole-course student guide")}: {sw.ElapsedMilliseconds} ms, {pdf.Length / 1048576.0:0.0} MiB, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:0} MiB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms"));
            }
            break;
        }
    case "pdf":
        PdfGuideBenchmark.Run(args.Length > 2 ? args[2] : Path.Combine(RepoRoot(), "content"), args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
        break;
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run(args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: CourseBuilder.Benchmarks curriculum [50,100,200] | bundled | startup [N] [dll] | warm [N] | check [LESSONS] | generate N DIR | guide DIR [ROUNDS] [modules] | pdf [ROUNDS] [CONTENT] | micro [BenchmarkDotNet args]");
        return 2;
}
return 0;

static (int Pages, long Bytes) OutputStats(string output)
{
    var pages = 0;
    long bytes = 0;
    foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
    {
        bytes += new FileInfo(file).Length;
        if (file.EndsWith(".pdf", StringComparison.Ordinal))
            pages += Regex.Matches(File.ReadAllText(file, System.Text.Encoding.Latin1), @"/Type\s*/Page(?![a-zA-Z])").Count;
    }
    return (pages, bytes);
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "CourseBuilder.sln"))) return dir.FullName;
    throw new InvalidOperationException("CourseBuilder.sln not found");
}

sealed class Temp : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cb-bench-" + Guid.NewGuid().ToString("N"));
    public Temp() => Directory.CreateDirectory(Path);
    public string Sub(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}

/// <summary>Runs the coursebuilder CLI as a separate process (start-up included) and samples its peak RSS.</summary>
static class ProcessRunner
{
    public sealed record Result(int ExitCode, TimeSpan Wall, double PeakRssMiB);

    /// <param name="executable">An installed <c>coursebuilder</c>; by default <c>dotnet CourseBuilder.Cli.dll</c> from this benchmark's bin folder.</param>
    public static Result Run(string[] cliArgs, string? executable = null)
    {
        var info = new ProcessStartInfo(executable ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (executable is null) info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CourseBuilder.Cli.dll"));
        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not where it looks by default.
        if (executable is not null) info.Environment["DOTNET_ROOT"] = DotnetRoot();
        foreach (var a in cliArgs) info.ArgumentList.Add(a);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peakKb = 0;
        while (!process.WaitForExit(20))
            peakKb = Math.Max(peakKb, ReadHighWaterMarkKb(process.Id));
        stopwatch.Stop();
        return new Result(process.ExitCode, stopwatch.Elapsed, peakKb / 1024.0);
    }

    /// <summary>The .NET installation running this benchmark: …/shared/Microsoft.NETCore.App/x.y.z/ → ….</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>VmHWM: the process's peak resident set so far.</summary>
    private static long ReadHighWaterMarkKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        return 0;
    }
}

/// <summary>The tool as users install it: packed from the repository and installed into a temporary tool path.</summary>
static class InstalledTool
{
    public static string Install(string root, string folder)
    {
        var packages = Path.Combine(folder, "packages");
        var tools = Path.Combine(folder, "tools");
        var config = Path.Combine(folder, "nuget.config");
        Directory.CreateDirectory(folder);
        File.WriteAllText(config, "<configuration><packageSources><clear /></packageSources></configuration>");
        var version = Regex.Match(File.ReadAllText(Path.Combine(root, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;
        Console.Error.WriteLine("packing and installing the tool (ReadyToRun compilation takes a minute)…");
        Dotnet("pack", Path.Combine(root, "src", "CourseBuilder.Cli"), "-c", "Release", "-o", packages, "-nologo", "-v", "quiet");
        Dotnet("tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", packages, "CourseBuilder", "--version", version);
        var installed = Directory.GetDirectories(Path.Combine(tools, ".store", "coursebuilder", version)).Select(Path.GetFileName);
        Console.Error.WriteLine($"installed: {string.Join(", ", installed.Where(n => n!.StartsWith("coursebuilder.", StringComparison.Ordinal)))}");
        return Path.Combine(tools, OperatingSystem.IsWindows() ? "coursebuilder.exe" : "coursebuilder");
    }

    private static void Dotnet(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed:\n{output}");
    }
}

/// <summary>When each stage and render job finished, in milliseconds since the build began.</summary>
sealed class StepTimings : CourseBuilder.Build.IBuildProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _marks = [];
    public void StageStarted(string stage, int steps) => Mark($"{stage} start");
    public void StepDone(string stage, string item) => Mark(item);
    public void StageFinished(string stage) => Mark($"{stage} done");
    private void Mark(string what) { lock (_marks) _marks.Add(string.Create(CultureInfo.InvariantCulture, $"{what} @{_clock.ElapsedMilliseconds}")); }
    public override string ToString() => string.Join("; ", _marks);
}
