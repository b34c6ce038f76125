using CourseBuilder.Build;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

/// <summary>The incremental build: what each kind of change rebuilds, and that nothing stale is ever served.</summary>
public sealed class BuildCacheTests : IDisposable
{
    private readonly TempDir _temp = new("cache");
    private readonly string _content;
    private readonly string _output;

    public BuildCacheTests()
    {
        _content = _temp.CopyFrom(TestPaths.ValidCourse);
        _output = _temp.Sub("out");
        var first = Build();
        Assert.True(first.Succeeded);
        Assert.Equal(["(course)", "basics", "more"], first.RebuiltScopes);
    }

    public void Dispose() => _temp.Dispose();

    private BuildResult Build(bool useCache = true, string? tool = null) =>
        CourseBuild.Run(new BuildOptions(_content, _output, UseCache: useCache, ToolIdentity: tool));

    private Dictionary<string, (DateTime, long)> Stamps() =>
        Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_output, f), f => (File.GetLastWriteTimeUtc(f), new FileInfo(f).Length));

    [Fact]
    public void ASecondBuildWithNothingChangedRewritesNothing()
    {
        var before = Stamps();
        Thread.Sleep(20);
        var second = Build();
        Assert.True(second.UpToDate);
        Assert.Empty(second.RebuiltScopes);
        Assert.Equal(before, Stamps());
        Assert.NotEmpty(second.Artifacts);
    }

    [Fact]
    public void AFullBuildWithNothingChangedAnswersFromTheContentFingerprintWithoutLoading()
    {
        // The last build's report, as the cache keeps it, is what an unchanged build repeats: a
        // message edited in the cache comes back, so the course was not loaded and checked again.
        var cacheFile = Path.Combine(_output, ".coursebuilder-cache.json");
        var cache = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(cacheFile))!;
        Assert.Equal(64, cache["fingerprint"]!.GetValue<string>().Length);
        cache["diagnostics"] = System.Text.Json.Nodes.JsonNode.Parse(
            """[{"severity":0,"code":"CB0028","message":"kept from the last build","location":{"path":"quiz.md","line":3,"column":1}}]""");
        File.WriteAllText(cacheFile, cache.ToJsonString());

        var replayed = Build();
        Assert.True(replayed.UpToDate);
        Assert.Equal("quiz.md:3:1: warning CB0028: kept from the last build", Assert.Single(replayed.Diagnostics).Format());

        // Saving a file again with the same bytes changes nothing; one byte more is a change.
        var lesson = Path.Combine(_content, "modules/01-basics/01-first.md");
        File.WriteAllBytes(lesson, File.ReadAllBytes(lesson));
        Assert.Single(Build().Diagnostics);
        File.AppendAllText(lesson, "\n");
        var changed = Build();
        Assert.Empty(changed.Diagnostics);
        Assert.Equal(["(course)", "basics"], changed.RebuiltScopes);
    }

    [Fact]
    public void ALinkLoopInTheContentGivesNoFingerprintAndTheLoaderReportsIt()
    {
        // The fingerprint walks the folder before anything else: a link that contains itself
        // must be refused there, not followed, and the ordinary path reports it.
        File.CreateSymbolicLink(Path.Combine(_content, "modules/01-basics/loop"), Path.Combine(_content, "modules/01-basics"));
        var result = Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "CB0045" && d.Location.Path.EndsWith("loop", StringComparison.Ordinal));
    }

    [Fact]
    public void ChangingOneLessonRebuildsOnlyItsModuleAndTheCourse()
    {
        var untouched = Directory.GetFiles(Path.Combine(_output, "html/modules/more"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);
        File.AppendAllText(Path.Combine(_content, "modules/01-basics/02-second.md"), "\nA new closing line.\n");
        var result = Build();
        Assert.Equal(["(course)", "basics"], result.RebuiltScopes);
        Assert.Contains("A new closing line.", File.ReadAllText(Path.Combine(_output, "html/modules/basics/index.html")));
        Assert.Contains("A new closing line.", File.ReadAllText(Path.Combine(_output, "html/course/index.html")));
        foreach (var (file, stamp) in untouched) Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void ChangingAnImageRebuildsTheModuleThatShowsIt()
    {
        var image = Path.Combine(_content, "modules/01-basics/pic.png");
        var bytes = File.ReadAllBytes(image);
        bytes[^20] ^= 0xFF;
        File.WriteAllBytes(image, bytes);
        var result = Build();
        Assert.Equal(["(course)", "basics"], result.RebuiltScopes);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_output, "html/modules/basics/modules/01-basics/pic.png")));
    }

    [Fact]
    public void ChangingCourseYmlATemplateOrTheToolRebuildsEverything()
    {
        File.AppendAllText(Path.Combine(_content, "course.yml"), "subtitle: Now with a subtitle\n");
        Assert.Equal(["(course)", "basics", "more"], Build().RebuiltScopes);

        Directory.CreateDirectory(Path.Combine(_content, "templates"));
        File.WriteAllText(Path.Combine(_content, "templates", "unused.cshtml"), "<p>a partial the course may use</p>");
        Assert.Equal(["(course)", "basics", "more"], Build().RebuiltScopes);

        Assert.Equal(["(course)", "basics", "more"], Build(tool: "9.9.9/another-build").RebuiltScopes);
    }

    [Fact]
    public void AnArtifactChangedOnDiskIsRebuiltNotServed()
    {
        var page = Path.Combine(_output, "html/modules/more/index.html");
        var original = File.ReadAllText(page);
        File.WriteAllText(page, "tampered");
        var result = Build();
        Assert.Equal(["more"], result.RebuiltScopes);
        Assert.Equal(original, File.ReadAllText(page));
    }

    [Fact]
    public void ADeletedArtifactOrCacheFileAndNoCacheForceRebuilds()
    {
        File.Delete(Path.Combine(_output, "html/course/index.html"));
        Assert.Equal(["(course)"], Build().RebuiltScopes);

        File.Delete(Path.Combine(_output, ".coursebuilder-cache.json"));
        Assert.Equal(["(course)", "basics", "more"], Build().RebuiltScopes);

        Assert.Equal(["(course)", "basics", "more"], Build(useCache: false).RebuiltScopes);
    }

    [Fact]
    public void CachedAndCleanBuildsHaveTheSameArtifacts()
    {
        File.AppendAllText(Path.Combine(_content, "modules/02-more/01-only.md"), "\nMore text.\n");
        var incremental = Build();
        var clean = CourseBuild.Run(new BuildOptions(_content, _temp.Sub("clean"), UseCache: false));
        Assert.Equal(clean.Artifacts.Select(a => (a.Path, a.Sha256)), incremental.Artifacts.Select(a => (a.Path, a.Sha256)));
    }
}
