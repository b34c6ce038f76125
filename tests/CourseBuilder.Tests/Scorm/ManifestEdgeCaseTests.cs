using CourseBuilder.Scorm;

namespace CourseBuilder.Tests.Scorm;

/// <summary>Author-controlled values at their limits still give manifests that validate.</summary>
public class ManifestEdgeCaseTests
{
    private static ScormPackageInfo Info(string version = "1.0.0", int? passMark = 80, int minutes = 30, string title = "Title") => new(
        ManifestIdentifier: "course.module",
        ScopeId: "module",
        Title: title,
        MetadataTitle: "Course: " + title,
        Description: "A <description> with \"quotes\" & ampersands, in Swedish: smörgåsbord.",
        Keywords: ["one", "two words"],
        Language: "sv-SE",
        Version: version,
        Minutes: minutes,
        PassMark: passMark,
        LaunchHref: "index.html",
        ContentFiles: ["index.html", "modules/01-x/my figure.svg", "modules/01-x/ö.png"]);

    public static TheoryData<string, ScormPackageInfo> Cases => new()
    {
        { "version longer than IMS CP 1.2 allows", Info(version: "2026.11.27-release-candidate-3") },
        { "pass mark 0", Info(passMark: 0) },
        { "pass mark 100", Info(passMark: 100) },
        { "no quiz", Info(passMark: null) },
        { "no learning time", Info(minutes: 0) },
        { "title over 200 characters", Info(title: string.Concat(Enumerable.Repeat("Long title ", 30))) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scorm12_manifest_validates(string @case, ScormPackageInfo info)
    {
        var errors = ManifestValidator.For(ScormVersion.Scorm12).Validate(Scorm12Manifest.Create(info));
        Assert.True(errors.Count == 0, $"{@case}: {string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scorm2004_manifest_validates(string @case, ScormPackageInfo info)
    {
        var errors = ManifestValidator.For(ScormVersion.Scorm2004).Validate(Scorm2004Manifest.Create(info));
        Assert.True(errors.Count == 0, $"{@case}: {string.Join("\n", errors)}");
    }

    [Theory]
    [InlineData(0, "0.0")]
    [InlineData(75, "0.75")]
    [InlineData(100, "1.0")]
    public void The_2004_threshold_is_the_pass_mark_over_100(int passMark, string expected)
    {
        var manifest = Scorm2004Manifest.Document(Info(passMark: passMark));

        Assert.Equal(expected, manifest.Descendants(Scorm2004Manifest.Imsss + "minNormalizedMeasure").Single().Value);
    }

    [Theory]
    [InlineData(45, "PT45M")]
    [InlineData(60, "PT1H")]
    [InlineData(95, "PT1H35M")]
    public void Learning_time_is_an_ISO_8601_duration(int minutes, string expected) =>
        Assert.Equal(expected, Info(minutes: minutes).LearningTime);
}
