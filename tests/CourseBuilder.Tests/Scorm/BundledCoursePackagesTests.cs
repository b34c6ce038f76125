using CourseBuilder.Tests.Support;
using CourseBuilder.Build;
using CourseBuilder.Loading;
using CourseBuilder.Diagnostics;
using CourseBuilder.Model;
using CourseBuilder.Scorm;

namespace CourseBuilder.Tests.Scorm;

/// <summary>The course in the repository's content/ folder, built once for both SCORM versions.</summary>
public sealed class BundledCourseBuild : IDisposable
{
    public string Output { get; } = Path.Combine(Path.GetTempPath(), "cb-scorm-bundled-" + Guid.NewGuid().ToString("N"));
    public Course Course { get; }
    public BuildResult Result { get; }

    public BundledCourseBuild()
    {
        var content = TestPaths.BundledContent;
        Course = LoadStage.Load(content, new DiagnosticBag()) ?? throw new InvalidOperationException("content/ does not load");
        Result = CourseBuild.Run(new BuildOptions(content, Output, [OutputFormat.Scorm12, OutputFormat.Scorm2004]));
    }

    public void Dispose()
    {
        try { Directory.Delete(Output, recursive: true); }
        catch (IOException) { }
    }
}

public class BundledCoursePackagesTests(BundledCourseBuild build) : IClassFixture<BundledCourseBuild>
{
    [Fact]
    public void Every_manifest_of_the_bundled_course_validates_and_every_package_conforms()
    {
        Assert.True(build.Result.Succeeded, string.Join("\n", build.Result.Diagnostics.Where(d => d.IsError)));
        var course = build.Course;
        var scopes = course.Modules.Select(m => (Module?)m).Append(null).ToList();
        // Every module quiz of the bundled course sets pass-mark: 80, and so does course.yml for the whole course.
        Assert.Equal(["why-it-matters", "access-and-voice", "five-practices", "patient-privacy", "patients-and-the-public"], course.Modules.Select(m => m.Id));

        var packages = build.Result.Artifacts.Where(a => a.Kind is ArtifactKind.Scorm12 or ArtifactKind.Scorm2004).ToList();

        Assert.Equal(scopes.Count * 2, packages.Count);
        foreach (var scope in scopes)
        foreach (var version in new[] { ScormVersion.Scorm12, ScormVersion.Scorm2004 })
        {
            var artifact = Assert.Single(packages, a => a.Kind == ScormStage.FormatName(version) && a.ModuleId == scope?.Id);
            Assert.Equal(ArtifactPaths.ScormZip(course, scope, ScormStage.FormatName(version)), artifact.Path);
            new ScormPackage(Path.Combine(build.Output, artifact.Path), version).AssertConforms(expectedPassMark: 80);
        }
    }
}
