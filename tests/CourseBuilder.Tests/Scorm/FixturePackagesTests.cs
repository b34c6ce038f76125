using System.Xml.Linq;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CourseBuilder.Build;
using CourseBuilder.Scorm;

namespace CourseBuilder.Tests.Scorm;

/// <summary>The fixture course, built twice (the second build checks reproducibility).</summary>
public sealed class FixtureBuilds : IDisposable
{
    public FixtureCourse Course { get; } = new();
    public string FirstOutput => Path.Combine(Course.Root, "out1");
    public string SecondOutput => Path.Combine(Course.Root, "out2");
    public BuildResult First { get; }
    public BuildResult Second { get; }

    public FixtureBuilds()
    {
        First = CourseBuild.Run(new BuildOptions(Course.Content, FirstOutput));
        Second = CourseBuild.Run(new BuildOptions(Course.Content, SecondOutput));
    }

    public void Dispose() => Course.Dispose();
}

public class FixturePackagesTests(FixtureBuilds builds) : IClassFixture<FixtureBuilds>
{
    public static TheoryData<string?, ScormVersion, int?> Packages => new()
    {
        { "basics", ScormVersion.Scorm12, FixtureCourse.BasicsPassMark },
        { "basics", ScormVersion.Scorm2004, FixtureCourse.BasicsPassMark },
        { "extras", ScormVersion.Scorm12, null },   // no quiz: nothing to score
        { "extras", ScormVersion.Scorm2004, null },
        { null, ScormVersion.Scorm12, FixtureCourse.CoursePassMark },
        { null, ScormVersion.Scorm2004, FixtureCourse.CoursePassMark },
    };

    private static string ZipPath(string output, string? moduleId, ScormVersion version)
    {
        var format = ScormStage.FormatName(version);
        return Path.Combine(output, format, $"{FixtureCourse.CourseId}{(moduleId is null ? "" : "-" + moduleId)}-{format}.zip");
    }

    private ScormPackage Open(string? moduleId, ScormVersion version) =>
        new(ZipPath(builds.FirstOutput, moduleId, version), version);

    [Fact]
    public void The_build_succeeds_and_reports_one_package_per_scope_and_version()
    {
        Assert.True(builds.First.Succeeded, string.Join("\n", builds.First.Diagnostics));
        var scorm = builds.First.Artifacts.Where(a => a.Kind is ArtifactKind.Scorm12 or ArtifactKind.Scorm2004).ToList();

        Assert.Equal(6, scorm.Count);
        foreach (var (moduleId, version, _) in Packages.Select(row => ((string?)row[0], (ScormVersion)row[1]!, row[2])))
        {
            var kind = ScormStage.FormatName(version);
            var artifact = Assert.Single(scorm, a => a.Kind == kind && a.ModuleId == moduleId);
            var bytes = File.ReadAllBytes(Path.Combine(builds.FirstOutput, artifact.Path));
            Assert.Equal(bytes.LongLength, artifact.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), artifact.Sha256);
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_package_conforms(string? moduleId, ScormVersion version, int? passMark) =>
        Open(moduleId, version).AssertConforms(passMark);

    [Theory]
    [InlineData(ScormVersion.Scorm12)]
    [InlineData(ScormVersion.Scorm2004)]
    public void A_module_package_holds_that_module_and_the_course_package_holds_every_module(ScormVersion version)
    {
        var basics = Open("basics", version);
        var course = Open(null, version);

        Assert.Contains("modules/01-basics/diagram.svg", basics.ListedFiles);
        Assert.Contains("modules/01-basics/diagram.svg", course.ListedFiles);
        Assert.Contains("Basics: the first module", System.Text.Encoding.UTF8.GetString(course.Files["index.html"]));
        Assert.Contains("Extras", System.Text.Encoding.UTF8.GetString(course.Files["index.html"]));
        Assert.DoesNotContain("modules/01-basics/diagram.svg", Open("extras", version).ListedFiles);
    }

    [Theory]
    [InlineData(ScormVersion.Scorm12)]
    [InlineData(ScormVersion.Scorm2004)]
    public void A_description_over_1000_characters_is_shortened_at_a_word(ScormVersion version)
    {
        Assert.True(FixtureCourse.LongDescription.Length > ScormPackageInfo.MaxDescriptionLength);

        var description = Open("extras", version).Description!;

        Assert.InRange(description.Length, 500, ScormPackageInfo.MaxDescriptionLength);
        Assert.EndsWith("…", description);
        Assert.StartsWith(description[..^1], FixtureCourse.LongDescription);
    }

    [Fact]
    public void Metadata_carries_title_language_keywords_version_and_learning_time()
    {
        var scorm12 = Open("basics", ScormVersion.Scorm12).Manifest;
        var md = Scorm12Manifest.Imsmd;
        Assert.Equal("Fixture course: Basics: the first module", scorm12.Descendants(md + "title").Single().Value);
        Assert.Equal("en-GB", scorm12.Descendants(md + "language").Single().Value);
        Assert.Equal(["privacy", "professionalism", "social media"], scorm12.Descendants(md + "keyword").Select(k => k.Value));
        Assert.Equal("2.1.0", scorm12.Descendants(md + "version").Single().Value);
        Assert.Equal("PT1H35M", scorm12.Descendants(md + "typicallearningtime").Single().Value);

        var scorm2004 = Open(null, ScormVersion.Scorm2004).Manifest;
        var lom = Scorm2004Manifest.Lom;
        Assert.Equal("Fixture course: For packaging tests", scorm2004.Descendants(lom + "title").Single().Value);
        Assert.Equal("en-GB", scorm2004.Descendants(lom + "general").Elements(lom + "language").Single().Value);
        Assert.Equal(["privacy", "professionalism", "social media"], scorm2004.Descendants(lom + "keyword").Select(k => k.Value));
        Assert.Equal("PT1H55M", scorm2004.Descendants(lom + "typicalLearningTime").Single().Value);
        Assert.Equal("2004 4th Edition", scorm2004.Root!.Element(Scorm2004Manifest.Cp + "metadata")!.Element(Scorm2004Manifest.Cp + "schemaversion")!.Value);
    }

    [Fact]
    public void Two_builds_produce_byte_identical_packages()
    {
        Assert.True(builds.Second.Succeeded);
        static Dictionary<string, string> Hashes(string output) =>
            JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BuildReport.FileName))).RootElement
                .GetProperty("artifacts").EnumerateArray()
                .Where(a => a.GetProperty("kind").GetString() is ArtifactKind.Scorm12 or ArtifactKind.Scorm2004)
                .ToDictionary(a => a.GetProperty("path").GetString()!, a => a.GetProperty("sha256").GetString()!);

        var first = Hashes(builds.FirstOutput);
        var second = Hashes(builds.SecondOutput);

        Assert.Equal(6, first.Count);
        Assert.Equal(first, second);
        foreach (var path in first.Keys)
            Assert.Equal(File.ReadAllBytes(Path.Combine(builds.FirstOutput, path)), File.ReadAllBytes(Path.Combine(builds.SecondOutput, path)));
    }

    [Fact]
    public void Entries_are_sorted_after_the_manifest_and_stamped_with_the_release_date()
    {
        using var zip = ZipFile.OpenRead(ZipPath(builds.FirstOutput, null, ScormVersion.Scorm2004));
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Equal("imsmanifest.xml", names[0]);
        Assert.Equal(names.Skip(1).Order(StringComparer.Ordinal), names.Skip(1));
        Assert.All(zip.Entries, e => Assert.Equal(FixtureCourse.ReleaseDate.ToDateTime(TimeOnly.MinValue), e.LastWriteTime.DateTime));
    }
}
