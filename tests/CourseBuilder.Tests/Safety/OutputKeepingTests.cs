using System.Text.Json.Nodes;
using CourseBuilder.Build;
using CourseBuilder.Cli;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;
using static CourseBuilder.Tests.Safety.SafetyHelpers;

namespace CourseBuilder.Tests.Safety;

/// <summary>What a build keeps: the output an interrupted swap moved aside, the artifacts a partial build does not replace, and a build despite a damaged cache.</summary>
public sealed class OutputKeepingTests : IDisposable
{
    private readonly TempDir _temp = new("keep");
    private readonly string _content;
    private readonly string _output;
    private readonly BuildResult _first;

    public OutputKeepingTests()
    {
        _content = _temp.CopyFrom(TestPaths.ValidCourse);
        _output = _temp.Sub("out");
        _first = CourseBuild.Run(new BuildOptions(_content, _output));
        Assert.True(_first.Succeeded);
    }

    public void Dispose() => _temp.Dispose();

    private string Previous => Staging.PreviousOf(OutputGuard.RealPath(_output));

    private BuildResult Build(string? module = null, IReadOnlyList<OutputFormat>? formats = null, List<string>? notices = null) =>
        CourseBuild.Run(new BuildOptions(_content, _output, formats, module, Notice: notices is null ? null : notices.Add));

    [Fact]
    public void AKillBetweenTheTwoRenamesOfTheSwapIsRepairedByTheNextBuild()
    {
        var before = Snapshot(_output);
        // The state the swap leaves when killed after its first rename: the output moved aside, no output.
        Directory.Move(_output, Previous);

        var notices = new List<string>();
        var result = Build(notices: notices);
        Assert.True(result.Succeeded);
        Assert.Equal([$"restored '{_output}' from {Previous}, where a build that was interrupted had moved it"], notices);
        Assert.Equal(before, Snapshot(_output));
        Assert.False(Directory.Exists(Previous));
    }

    [Fact]
    public void AKillAfterTheSecondRenameKeepsTheNewOutputAndDropsTheReplacedOne()
    {
        // Killed after both renames, before deleting the replaced output: both folders exist.
        TempDir.CopyTree(_output, Previous);
        File.WriteAllText(Path.Combine(Previous, "html", "course", "index.html"), "the replaced output");
        var before = Snapshot(_output);
        Assert.True(Build().Succeeded);
        Assert.Equal(before, Snapshot(_output));
        Assert.False(Directory.Exists(Previous));
    }

    [Fact]
    public void AModuleBuildReplacesItsOwnArtifactsAndKeepsAllOthers()
    {
        var before = Snapshot(_output);
        File.AppendAllText(Path.Combine(_content, "modules/02-more/01-only.md"), "\nA sentence added later.\n");
        var result = Build(module: "more");
        Assert.True(result.Succeeded);
        Assert.Equal(["more"], result.RebuiltScopes);

        Assert.Equal(_first.Artifacts.Select(a => a.Path), ReportedArtifacts(_output).Select(a => a.Path));
        AssertReportMatchesDisk(_output);
        var after = Snapshot(_output);
        foreach (var artifact in _first.Artifacts.Where(a => a.ModuleId != "more"))
            Assert.Equal(before[artifact.Path], after[artifact.Path]);
        Assert.Contains("A sentence added later.", File.ReadAllText(Path.Combine(_output, "html/modules/more/index.html")));
        Assert.DoesNotContain("A sentence added later.", File.ReadAllText(Path.Combine(_output, "html/course/index.html")));
    }

    [Fact]
    public void AFormatBuildReplacesThatFormatAndKeepsTheOthers()
    {
        var before = Snapshot(_output);
        var result = Build(formats: [OutputFormat.Pdf]);
        Assert.True(result.Succeeded);
        Assert.Equal(_first.Artifacts.Select(a => a.Path), ReportedArtifacts(_output).Select(a => a.Path));
        Assert.Equal(_first.Artifacts.Count, result.Artifacts.Count);
        AssertReportMatchesDisk(_output);
        var after = Snapshot(_output);
        foreach (var artifact in _first.Artifacts) Assert.Equal(before[artifact.Path], after[artifact.Path]);

        // A full build after the partial one gives what a clean build gives.
        var full = Build();
        var clean = CourseBuild.Run(new BuildOptions(_content, _temp.Sub("clean"), UseCache: false));
        Assert.Equal(clean.Artifacts.Select(a => (a.Path, a.Sha256)), full.Artifacts.Select(a => (a.Path, a.Sha256)));
    }

    [Fact]
    public void APartialBuildPrintsTheRestUnchangedAndKeepsIt()
    {
        var (code, output, error) = Run("build", _content, "--out", _output, "--module", "basics", "--no-cache");
        Assert.True(code == 0, error);
        Assert.Contains($"built {_first.Artifacts.Count} artifact(s) into {_output}/", output);
        Assert.Contains("rebuilt basics, the rest unchanged", output);
        AssertReportMatchesDisk(_output);
        Assert.Equal(_first.Artifacts.Count, ReportedArtifacts(_output).Count);
    }

    [Theory]
    [InlineData("artifacts-null")]
    [InlineData("truncated")]
    [InlineData("path-outside")]
    [InlineData("scopes-null")]
    public void ADamagedCacheIsIgnoredWithAWarningAndEverythingRebuilt(string damage)
    {
        var cacheFile = Path.Combine(_output, ".coursebuilder-cache.json");
        var cache = JsonNode.Parse(File.ReadAllText(cacheFile))!;
        switch (damage)
        {
            case "artifacts-null": cache["scopes"]!["basics"]!["artifacts"] = null; break;
            case "path-outside": cache["scopes"]!["basics"]!["artifacts"]![0]!["path"] = "../../etc/hostname"; break;
            case "scopes-null": cache["scopes"] = null; break;
        }
        var text = cache.ToJsonString();
        File.WriteAllText(cacheFile, damage == "truncated" ? text[..(text.Length / 2)] : text);

        var notices = new List<string>();
        var result = Build(notices: notices);
        Assert.True(result.Succeeded);
        Assert.Equal(["(course)", "basics", "more"], result.RebuiltScopes);
        var notice = Assert.Single(notices);
        Assert.StartsWith(damage == "truncated" ? $"ignoring the build cache {cacheFile}, which cannot be read (" : $"ignoring the damaged build cache {cacheFile}", notice);
        Assert.EndsWith(": rebuilding everything", notice);
        AssertReportMatchesDisk(_output);
    }

    [Fact]
    public void ADamagedCacheThroughTheCliExitsZeroWithOneWarningLine()
    {
        var cacheFile = Path.Combine(_output, ".coursebuilder-cache.json");
        File.WriteAllText(cacheFile, File.ReadAllText(cacheFile).Replace("\"artifacts\": [", "\"artifacts\": null, \"x\": ["));
        var (code, _, error) = Run("build", _content, "--out", _output);
        Assert.Equal(ExitCode.Success, code);
        Assert.Equal($"coursebuilder: ignoring the damaged build cache {cacheFile}: rebuilding everything", error.Trim());
    }
}
