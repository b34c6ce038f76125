using CourseBuilder.Tests.Support;
using CourseBuilder.Build;

namespace CourseBuilder.Tests.LmsFormats;

/// <summary>Every manifest and assessment of every cartridge the bundled course gives is valid CC 1.1.</summary>
public sealed class CartridgeSchemaTests(LmsFormatsBuild build) : IClassFixture<LmsFormatsBuild>
{
    [Fact]
    public void The_build_writes_a_cartridge_per_module_and_one_for_the_course()
    {
        Assert.True(build.Result.Succeeded);
        var paths = build.OfKind(ArtifactKind.CommonCartridge).Select(a => a.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "cc/social-media-professionalism-access-and-voice-cc.imscc",
            "cc/social-media-professionalism-cc.imscc",
            "cc/social-media-professionalism-five-practices-cc.imscc",
            "cc/social-media-professionalism-patient-privacy-cc.imscc",
            "cc/social-media-professionalism-patients-and-the-public-cc.imscc",
            "cc/social-media-professionalism-why-it-matters-cc.imscc",
        ], paths);
    }

    [Fact]
    public void Every_manifest_validates_against_the_CC_1_1_schemas()
    {
        foreach (var cartridge in build.OfKind(ArtifactKind.CommonCartridge))
        {
            var errors = CartridgeSchemas.ValidateManifest(build.Entries(cartridge)["imsmanifest.xml"]);
            Assert.True(errors.Count == 0, $"{cartridge.Path}: {string.Join("\n", errors)}");
        }
    }

    [Fact]
    public void Every_assessment_validates_against_the_CC_1_1_QTI_profile()
    {
        var count = 0;
        foreach (var cartridge in build.OfKind(ArtifactKind.CommonCartridge))
        {
            foreach (var (path, bytes) in build.Entries(cartridge).Where(e => e.Key.EndsWith("/assessment.xml", StringComparison.Ordinal)))
            {
                var errors = CartridgeSchemas.ValidateAssessment(bytes);
                Assert.True(errors.Count == 0, $"{cartridge.Path}!{path}: {string.Join("\n", errors)}");
                count++;
            }
        }
        // Five modules with a quiz: five in the course's cartridge and one in each module's.
        Assert.Equal(10, count);
    }
}

/// <summary>The small fixture course: a module without a quiz, a figure, and --module.</summary>
public sealed class FixtureCartridgeTests
{
    [Fact]
    public void A_module_build_gives_that_module_cartridge_and_quiz_zip_and_no_course_bank()
    {
        using var dir = new Support.TempDir("lms-fixture");
        var result = CourseBuild.Run(new BuildOptions(Support.TestPaths.ValidCourse, dir.Sub("out"),
            [Model.OutputFormat.CommonCartridge, Model.OutputFormat.CanvasQti, Model.OutputFormat.MoodleXml], ModuleId: "basics", UseCache: false));
        Assert.True(result.Succeeded);
        Assert.Equal(["cc/fixture-course-basics-cc.imscc", "qti/fixture-course-basics-qti.zip"], result.Artifacts.Select(a => a.Path));
    }

    [Fact]
    public void A_course_with_a_module_without_quiz_and_a_figure_gives_valid_cartridges()
    {
        using var dir = new Support.TempDir("lms-fixture");
        var result = CourseBuild.Run(new BuildOptions(Support.TestPaths.ValidCourse, dir.Sub("out"),
            [Model.OutputFormat.CommonCartridge], UseCache: false));
        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Artifacts.Count);
        foreach (var artifact in result.Artifacts)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(dir.Sub("out"), artifact.Path));
            using var manifest = new MemoryStream();
            zip.GetEntry("imsmanifest.xml")!.Open().CopyTo(manifest);
            var errors = CartridgeSchemas.ValidateManifest(manifest.ToArray());
            Assert.True(errors.Count == 0, $"{artifact.Path}: {string.Join("\n", errors)}");
        }
    }

    [Fact]
    public void The_validators_reject_what_the_profile_forbids()
    {
        // A section with no item: the CC profile wants at least one. Proves the schemas are loaded, not skipped.
        var bad = """
            <questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">
              <assessment ident="a" title="t"><section ident="s"/></assessment>
            </questestinterop>
            """u8.ToArray();
        Assert.NotEmpty(CartridgeSchemas.ValidateAssessment(bad));
        var badManifest = """<manifest xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" identifier="m"><resources/></manifest>"""u8.ToArray();
        Assert.NotEmpty(CartridgeSchemas.ValidateManifest(badManifest));
    }
}
