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
        // The last build's report, as its up-to-date record keeps it, is what an unchanged build
        // repeats: a message added to the record comes back, so the course was not loaded and
        // checked again.
        var recordFile = Path.Combine(_output, ".coursebuilder-up-to-date");
        var lines = File.ReadAllLines(recordFile);
        Assert.Equal("coursebuilder-up-to-date\t1", lines[0]);
        Assert.Matches("^fingerprint\t[0-9a-f]{16}$", lines[1]);
        Assert.Matches("^output\t[0-9a-f]{16}$", lines[2]);
        File.AppendAllText(recordFile, "diagnostic\t0\tCB0028\tquiz.md\t3\t1\tkept from the last build\n");

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
    public void AnArtifactChangedWithoutChangingItsSizeIsNotTakenForUpToDate()
    {
        // The up-to-date record holds a digest of every artifact's bytes, not only their sizes.
        var page = Path.Combine(_output, "html/modules/more/index.html");
        var original = File.ReadAllBytes(page);
        var edited = (byte[])original.Clone();
        edited[^2] = edited[^2] == (byte)'x' ? (byte)'y' : (byte)'x';
        File.WriteAllBytes(page, edited);

        var result = Build();
        Assert.False(result.UpToDate);
        Assert.Equal(["more"], result.RebuiltScopes);
        Assert.Equal(original, File.ReadAllBytes(page));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("path-outside")]
    [InlineData("truncated")]
    [InlineData("pipe")]
    public void ADamagedUpToDateRecordOnlyCostsTheOrdinaryPath(string damage)
    {
        var record = Path.Combine(_output, ".coursebuilder-up-to-date");
        var text = File.ReadAllText(record);
        if (damage == "pipe")
        {
            // Read, a pipe would make the build wait for a writer that never comes.
            File.Delete(record);
            BadInputCorpus.MakeFifo(record);
        }
        else
            File.WriteAllText(record, damage switch
            {
                "garbage" => "not a record\n",
                "path-outside" => text.Replace("\thtml/course/index.html\t", "\t../../etc/hostname\t"),
                _ => text[..(text.Length / 2)],
            });

        var before = Stamps();
        var result = Build();
        Assert.True(result.Succeeded);
        // The cache was intact: the ordinary path finds nothing to rebuild and writes the record anew.
        Assert.True(result.UpToDate);
        Assert.Empty(result.RebuiltScopes);
        Assert.Equal(text, File.ReadAllText(record));
        var artifacts = before.Keys.Where(k => k != ".coursebuilder-up-to-date").ToList();
        Assert.Equal(artifacts.Select(k => before[k]), artifacts.Select(k => Stamps()[k]));
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
