using CourseBuilder.Build;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

/// <summary>Whatever an author saves, check reports diagnostics and never throws.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> AuthorFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.ValidCourse, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".md") || f.EndsWith(".yml")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.ValidCourse, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(AuthorFiles))]
    public void EveryTruncationOfAnAuthorFileGivesDiagnosticsNotExceptions(string relative)
    {
        using var temp = new TempDir("robust");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var path = Path.Combine(content, relative);
        var original = File.ReadAllText(path);
        for (var cut = 0; cut < original.Length; cut += 5)
        {
            File.WriteAllText(path, original[..cut]);
            var result = CourseBuild.Check(content);
            Assert.All(result.Diagnostics, d => Assert.Matches(@"^CB\d{4}$", d.Code));
        }
    }

    [Theory]
    [InlineData("modules/01-basics/module.yml", "- a\n- list\n")]
    [InlineData("modules/01-basics/module.yml", "title:\n  nested: map\nobjectives: text\n")]
    [InlineData("modules/01-basics/01-first.md", "---\n- a list\n---\n")]
    [InlineData("modules/01-basics/01-first.md", "---\ntitle: x\n")]
    [InlineData("modules/01-basics/01-first.md", "---\ntitle: x\n---\n::: question id=x\n::: question id=y\n- [x] a\n:::\n:::\n")]
    [InlineData("modules/01-basics/01-first.md", "---\ntitle: x\n---\n::: scenario id=s1\n- [x] a\n- [ ] b\n:::\n")]
    [InlineData("modules/01-basics/01-first.md", "---\ntitle: x\n---\n- [x] outside a question\n\n::: reveal\n:::\n::: reflection lines=999\n:::\n")]
    [InlineData("course.yml", "\u0000\u0001binary")]
    [InlineData("course.yml", "")]
    public void OddInputsGiveDiagnosticsNotExceptions(string relative, string text)
    {
        using var temp = new TempDir("robust");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        File.WriteAllText(Path.Combine(content, relative), text);
        var result = CourseBuild.Check(content);
        Assert.NotEmpty(result.Diagnostics);
    }
}
