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
            "cc/social-media-professionalism-access-cc.imscc",
            "cc/social-media-professionalism-cc.imscc",
            "cc/social-media-professionalism-five-practices-cc.imscc",
            "cc/social-media-professionalism-putting-it-into-practice-cc.imscc",
            "cc/social-media-professionalism-voice-cc.imscc",
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
