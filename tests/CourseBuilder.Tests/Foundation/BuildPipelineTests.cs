using System.Text.Json;
using CourseBuilder.Build;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

public sealed class BuildPipelineTests
{
    private static BuildResult Build(string content, string output, IReadOnlyList<OutputFormat>? formats = null, string? module = null) =>
        CourseBuild.Run(new BuildOptions(content, output, formats, module));

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void TwoBuildsOfTheSameContentProduceIdenticalArtifacts()
    {
        using var temp = new TempDir("determinism");
        var first = Build(TestPaths.ValidCourse, temp.Sub("a"));
        var second = Build(TestPaths.ValidCourse, temp.Sub("b"));
        Assert.True(first.Succeeded);
        Assert.NotEmpty(first.Artifacts);
        Assert.Equal(first.Artifacts.Select(a => (a.Path, a.Sha256)), second.Artifacts.Select(a => (a.Path, a.Sha256)));
    }

    [Fact]
    public void TheReportListsEveryArtifactWithItsHashAndSize()
    {
        using var temp = new TempDir("report");
        var output = temp.Sub("out");
        var result = Build(TestPaths.ValidCourse, output);
        Assert.True(result.Succeeded);

        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BuildReport.FileName)));
        var artifacts = report.RootElement.GetProperty("artifacts").EnumerateArray().ToList();
        Assert.Equal(result.Artifacts.Count, artifacts.Count);
        foreach (var artifact in artifacts)
        {
            var path = Path.Combine(output, artifact.GetProperty("path").GetString()!);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(bytes.LongLength, artifact.GetProperty("size").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), artifact.GetProperty("sha256").GetString());
            Assert.False(string.IsNullOrEmpty(artifact.GetProperty("kind").GetString()));
        }
        Assert.Contains(artifacts, a => a.GetProperty("kind").GetString() == ArtifactKind.Html && a.GetProperty("moduleId").GetString() == "basics");
        Assert.Contains(artifacts, a => a.GetProperty("kind").GetString() == ArtifactKind.Html && a.GetProperty("moduleId").ValueKind == JsonValueKind.Null);
        Assert.True(report.RootElement.GetProperty("buildSeconds").GetDouble() > 0);
        Assert.Equal(0, report.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void AFailedBuildLeavesThePreviousOutputUntouched()
    {
        using var temp = new TempDir("failed");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var output = temp.Sub("out");
        Assert.True(Build(content, output).Succeeded);
        var before = Snapshot(output);

        File.WriteAllText(Path.Combine(content, "modules", "01-basics", "module.yml"), "title: [broken\n");
        var failed = Build(content, output);

        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Diagnostics, d => d.Code == "CB0001");
        Assert.Equal(before, Snapshot(output));
        Assert.DoesNotContain(Directory.GetDirectories(temp.Path).Select(Path.GetFileName), n => n!.StartsWith("out."));
    }

    [Fact]
    public void AnInterruptedBuildLeavesThePreviousOutputUntouched()
    {
        using var temp = new TempDir("interrupted");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var output = temp.Sub("out");
        Assert.True(Build(content, output).Succeeded);
        var before = Snapshot(output);

        // An image that vanishes after loading makes the render stage throw mid-build.
        var progress = new DeleteOnStage("Render", Path.Combine(content, "modules", "01-basics", "pic.png"));
        Assert.ThrowsAny<Exception>(() => CourseBuild.Run(new BuildOptions(content, output, Progress: progress, UseCache: false)));

        Assert.Equal(before, Snapshot(output));
        Assert.DoesNotContain(Directory.GetDirectories(temp.Path).Select(Path.GetFileName), n => n!.StartsWith("out."));
    }

    [Fact]
    public void ModuleOptionBuildsOnlyThatModule()
    {
        using var temp = new TempDir("module");
        var result = Build(TestPaths.ValidCourse, temp.Sub("out"), module: "more");
        Assert.True(result.Succeeded);
        Assert.All(result.Artifacts, a => Assert.Equal("more", a.ModuleId));
    }

    [Fact]
    public void UnknownModuleIsAUsageError()
    {
        using var temp = new TempDir("module");
        var ex = Assert.Throws<UsageException>(() => Build(TestPaths.ValidCourse, temp.Sub("out"), module: "nope"));
        Assert.Contains("basics", ex.Message);
    }

    [Fact]
    public void HtmlOutputHoldsEachModulesPlayerWithItsAssets()
    {
        using var temp = new TempDir("html");
        var output = temp.Sub("out");
        var result = Build(TestPaths.ValidCourse, output, [OutputFormat.Html]);
        Assert.True(result.Succeeded);
        var page = File.ReadAllText(Path.Combine(output, "html/modules/basics/index.html"));
        Assert.Contains("<html lang=\"en-GB\">", page);
        Assert.Contains("First lesson", page);
        Assert.Contains("src=\"modules/01-basics/pic.png\"", page);
        Assert.True(File.Exists(Path.Combine(output, "html/modules/basics/modules/01-basics/pic.png")));
        Assert.Contains("href=\"#basics--first\"", page);
        Assert.True(File.Exists(Path.Combine(output, "html/course/index.html")));
    }

    private sealed class DeleteOnStage(string stage, string file) : IBuildProgress
    {
        public void StageStarted(string name, int steps) { if (name == stage) File.Delete(file); }
        public void StepDone(string name, string item) { }
        public void StageFinished(string name) { }
    }
}

public sealed class TemplateOverrideTests
{
    [Fact]
    public void ATemplateInTheContentFolderOverridesTheBuiltInOne()
    {
        using var temp = new TempDir("override");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        Directory.CreateDirectory(Path.Combine(content, "templates"));
        File.WriteAllText(Path.Combine(content, "templates", "player.cshtml"), """
            @using RazorLight
            @inherits TemplatePage<CourseBuilder.Html.PlayerPage>
            <!DOCTYPE html><html lang="@Model.Language"><head><title>Custom @Model.Title</title></head><body><p>custom shell</p></body></html>
            """);
        var output = temp.Sub("out");
        var result = CourseBuild.Run(new BuildOptions(content, output, [OutputFormat.Html]));
        Assert.True(result.Succeeded);
        var page = File.ReadAllText(Path.Combine(output, "html/modules/basics/index.html"));
        Assert.Contains("<title>Custom The basics</title>", page);
        Assert.Contains("custom shell", page);
    }
}
