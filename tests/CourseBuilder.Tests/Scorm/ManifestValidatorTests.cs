using CourseBuilder.Tests.Support;
using CourseBuilder.Scorm;

namespace CourseBuilder.Tests.Scorm;

/// <summary>The validator the other tests rely on must accept the valid examples and reject the broken ones.</summary>
public class ManifestValidatorTests
{
    [Theory]
    [InlineData(ScormVersion.Scorm12, "scorm12-valid.xml")]
    [InlineData(ScormVersion.Scorm2004, "scorm2004-4th-valid.xml")]
    public void Accepts_the_valid_example(ScormVersion version, string example)
    {
        var errors = ManifestValidator.For(version).Validate(File.ReadAllBytes(Path.Combine(TestPaths.ScormExamples, example)));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(ScormVersion.Scorm12, "scorm12-broken.xml")]
    [InlineData(ScormVersion.Scorm2004, "scorm2004-4th-broken.xml")]
    public void Rejects_the_broken_example(ScormVersion version, string example)
    {
        var errors = ManifestValidator.For(version).Validate(File.ReadAllBytes(Path.Combine(TestPaths.ScormExamples, example)));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Rejects_a_duplicate_identifier()
    {
        var valid = File.ReadAllText(Path.Combine(TestPaths.ScormExamples, "scorm2004-4th-valid.xml"));
        var duplicated = valid.Replace("identifier=\"ITEM-QUIZ-1\"", "identifier=\"ITEM-LESSON-1\"");
        Assert.NotEqual(valid, duplicated);

        var errors = ManifestValidator.For(ScormVersion.Scorm2004).Validate(System.Text.Encoding.UTF8.GetBytes(duplicated));

        Assert.NotEmpty(errors);
    }
}
