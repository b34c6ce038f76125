using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

/// <summary>Without page-size in course.yml, US and Canadian English courses print on Letter, all others on A4.</summary>
public sealed class PageSizeDefaultTests
{
    [Theory]
    [InlineData("en-US", null, PageSize.Letter)]
    [InlineData("en-us", null, PageSize.Letter)]
    [InlineData("en-CA", null, PageSize.Letter)]
    [InlineData("en-GB", null, PageSize.A4)]
    [InlineData("en", null, PageSize.A4)]
    [InlineData("fr-CA", null, PageSize.A4)]
    [InlineData("de-DE", null, PageSize.A4)]
    [InlineData("en-US", "A4", PageSize.A4)]
    [InlineData("en-GB", "Letter", PageSize.Letter)]
    public void The_page_size_follows_the_language_unless_given(string language, string? pageSize, PageSize expected)
    {
        using var temp = new TempDir("page-size");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var courseYml = Path.Combine(content, "course.yml");
        var lines = File.ReadAllLines(courseYml)
            .Where(l => !l.StartsWith("page-size:", StringComparison.Ordinal))
            .Select(l => l.StartsWith("language:", StringComparison.Ordinal) ? "language: " + language : l)
            .ToList();
        if (pageSize is not null) lines.Add("page-size: " + pageSize);
        File.WriteAllLines(courseYml, lines);

        var bag = new DiagnosticBag();
        var course = LoadStage.Load(content, bag);

        Assert.NotNull(course);
        Assert.DoesNotContain(bag.Sorted(), d => d.IsError);
        Assert.Equal(expected, course.PageSize);
    }
}
