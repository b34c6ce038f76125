using CourseBuilder.Build;

namespace CourseBuilder.Tests.Scorm;

public class BuildErrorTests
{
    /// <summary>SCORM 1.2 responses name choices a–z, so a 27th choice cannot be reported: the build must stop.</summary>
    [Fact]
    public void A_question_with_27_choices_builds_nothing()
    {
        using var course = new FixtureCourse(choicesInQuizQuestion: 27);
        var output = Path.Combine(course.Root, "out");

        var result = CourseBuild.Run(new BuildOptions(course.Content, output));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "CB0024" && d.IsError);
        Assert.Empty(result.Artifacts);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output, "*.zip", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void A_question_with_26_choices_builds()
    {
        using var course = new FixtureCourse(choicesInQuizQuestion: 26);

        var result = CourseBuild.Run(new BuildOptions(course.Content, Path.Combine(course.Root, "out")));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }
}
