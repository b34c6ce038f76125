using System.Collections.Concurrent;
using CourseBuilder.Build;
using CourseBuilder.Cli;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;
using static CourseBuilder.Tests.Safety.SafetyHelpers;

namespace CourseBuilder.Tests.Safety;

/// <summary>One build at a time per output folder: concurrent builds, --no-wait, locks left by killed builds.</summary>
public sealed class BuildLockTests : IDisposable
{
    private readonly TempDir _temp = new("lock");
    private readonly string _content;
    private readonly string _output;

    public BuildLockTests()
    {
        _content = _temp.CopyFrom(TestPaths.ValidCourse);
        _output = _temp.Sub("out");
    }

    public void Dispose() => _temp.Dispose();

    private string WorkFolder => Staging.WorkFolderOf(OutputGuard.RealPath(_output));

    private static BuildResult Build(string content, string output, bool wait = true, Action<string>? notice = null, IReadOnlyList<OutputFormat>? formats = null) =>
        CourseBuild.Run(new BuildOptions(content, output, formats, UseCache: false, Wait: wait, Notice: notice));

    [Fact]
    public async Task TwoBuildsAtOnceInOneProcessBothSucceedAndEveryReportedArtifactExists()
    {
        using var start = new ManualResetEventSlim();
        var builds = Enumerable.Range(0, 2).Select(_ => Task.Run(() => { start.Wait(); return Build(_content, _output); })).ToList();
        start.Set();
        var results = await Task.WhenAll(builds);
        Assert.All(results, r => Assert.True(r.Succeeded));
        AssertReportMatchesDisk(_output);
        Assert.Equal(results[0].Artifacts.Count, ReportedArtifacts(_output).Count);
        Assert.Equal(["lock"], Directory.GetFileSystemEntries(WorkFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task TwoCliProcessesAtOnceBothSucceedAndEveryReportedArtifactExists()
    {
        using var first = Start(_temp.Path, null, "build", _content, "--out", _output, "--no-cache");
        using var second = Start(_temp.Path, null, "build", _content, "--out", _output, "--no-cache");
        var errors = new[] { first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync() };
        _ = first.StandardOutput.ReadToEndAsync();
        _ = second.StandardOutput.ReadToEndAsync();
        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(3)) && second.WaitForExit(TimeSpan.FromMinutes(3)));
        Assert.True(first.ExitCode == 0, await errors[0]);
        Assert.True(second.ExitCode == 0, await errors[1]);
        AssertReportMatchesDisk(_output);
        Assert.Equal(["lock"], Directory.GetFileSystemEntries(WorkFolder).Select(Path.GetFileName));
    }

    [Fact]
    public void NoWaitRefusesWhileAnotherBuildHoldsTheLockAndLeavesTheOutputAsItWas()
    {
        Assert.True(Build(_content, _output).Succeeded);
        var before = Snapshot(_output);
        using (BuildLock.Acquire(WorkFolder, _output, wait: false, notice: null))
        {
            var (code, _, error) = Run("build", _content, "--out", _output, "--no-wait", "--no-cache");
            Assert.Equal(ExitCode.UsageError, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Matches($@"^coursebuilder: '{System.Text.RegularExpressions.Regex.Escape(_output)}' is locked by build PID {Environment.ProcessId} started at \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC; refusing to wait \(--no-wait\); try again when it ends$", line);
        }
        Assert.Equal(before, Snapshot(_output));
    }

    [Fact]
    public async Task ASecondBuildWaitsForTheLockThenBuilds()
    {
        var notices = new ConcurrentQueue<string>();
        Task<BuildResult> waiting;
        using (BuildLock.Acquire(WorkFolder, _output, wait: false, notice: null))
        {
            waiting = Task.Run(() => Build(_content, _output, notice: notices.Enqueue, formats: [OutputFormat.Html]));
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (notices.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.StartsWith($"waiting for build PID {Environment.ProcessId} started at ", Assert.Single(notices));
            Assert.EndsWith($" to finish writing '{_output}' (use --no-wait to refuse instead)", notices.Single());
            Assert.False(waiting.IsCompleted);
            Assert.False(Directory.Exists(_output));
        }
        Assert.True((await waiting).Succeeded);
        AssertReportMatchesDisk(_output);
    }

    [Fact]
    public void ALockLeftByADeadProcessIsTakenOver()
    {
        var dead = DeadPid();
        Directory.CreateDirectory(WorkFolder);
        File.WriteAllText(Path.Combine(WorkFolder, "lock"), "");
        File.WriteAllText(Path.Combine(WorkFolder, "holder"), $"pid={dead}\nstarted=2026-12-01T10:00:00.0000000Z\n");
        var notices = new List<string>();
        // wait: false, so a lock still counted as held would fail the build instead of hanging it.
        var result = Build(_content, _output, wait: false, notice: notices.Add, formats: [OutputFormat.Html]);
        Assert.True(result.Succeeded);
        Assert.Equal([$"taking over the lock on '{_output}' left by build PID {dead} started at 2026-12-01 10:00:00 UTC, which is no longer running"], notices);
        Assert.False(File.Exists(Path.Combine(WorkFolder, "holder")), "a build that ends removes its holder file");
        AssertReportMatchesDisk(_output);
    }

    [Fact]
    public void ABuildKilledMidwayLeavesThePreviousOutputAndTheNextBuildTakesOver()
    {
        Assert.True(Build(_content, _output).Succeeded);
        var before = Snapshot(_output);
        using var killed = Start(_temp.Path, null, "build", _content, "--out", _output, "--no-cache");
        _ = killed.StandardOutput.ReadToEndAsync();
        _ = killed.StandardError.ReadToEndAsync();
        // Kill it (SIGKILL) once it is writing into its staging folder.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Directory.EnumerateDirectories(WorkFolder, "staging-*").Any() && !killed.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.False(killed.HasExited, "the build ended before it could be killed mid-build");
        killed.Kill();
        killed.WaitForExit();
        Assert.Equal(before, Snapshot(_output));

        var notices = new List<string>();
        Assert.True(Build(_content, _output, wait: false, notice: notices.Add).Succeeded);
        Assert.Contains(notices, n => n.StartsWith($"taking over the lock on '{_output}' left by build PID {killed.Id} "));
        Assert.Equal(["lock"], Directory.GetFileSystemEntries(WorkFolder).Select(Path.GetFileName));
        AssertReportMatchesDisk(_output);
    }

    [Fact]
    public void CleanupRemovesOnlyItsOwnStagingFolders()
    {
        Assert.True(Build(_content, _output, formats: [OutputFormat.Html]).Succeeded);
        var leftover = Path.Combine(WorkFolder, "staging-99999-0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(leftover, "html"));
        var notes = Path.Combine(WorkFolder, "notes");
        Directory.CreateDirectory(notes);
        File.WriteAllText(Path.Combine(notes, "keep.txt"), "mine");
        // Beside the output: a name an older version used, and a folder the user made.
        var besides = new[] { _temp.Sub("out.staging-1-abc"), _temp.Sub("out.old-abc"), _temp.Sub("out.backup") };
        foreach (var dir in besides) { Directory.CreateDirectory(dir); File.WriteAllText(Path.Combine(dir, "f.txt"), "x"); }

        Assert.True(Build(_content, _output, formats: [OutputFormat.Html]).Succeeded);
        Assert.False(Directory.Exists(leftover));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(notes, "keep.txt")));
        Assert.All(besides, dir => Assert.Equal("x", File.ReadAllText(Path.Combine(dir, "f.txt"))));
    }
}
