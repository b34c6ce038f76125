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
            // Check returned instead of throwing; every diagnostic it gave points into the content.
            Assert.All(result.Diagnostics, d =>
            {
                Assert.Matches(@"^CB\d{4}$", d.Code);
                Assert.StartsWith(content, d.Location.Path);
                Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString());
            });
        }
    }

    /// <summary>
    /// Odd files an author can save, each with every diagnostic it must give (file, line, column,
    /// code), in order: a diagnostic that moves, disappears or changes code fails the test.
    /// </summary>
    [Theory]
    [InlineData("modules/01-basics/module.yml", "- a\n- list\n",
        "modules/01-basics/module.yml:1:1 CB0001")]
    [InlineData("modules/01-basics/module.yml", "title:\n  nested: map\nobjectives: text\n",
        "modules/01-basics/01-first.md:3:14 CB0031|modules/01-basics/02-second.md:3:14 CB0031|modules/01-basics/module.yml:2:3 CB0004|" +
        "modules/01-basics/module.yml:3:13 CB0004|modules/01-basics/quiz.md:20:1 CB0031|modules/01-basics/quiz.md:33:1 CB0031|modules/01-basics/quiz.md:44:1 CB0031|" +
        "modules/01-basics/quiz.md:5:3 CB0034|modules/01-basics/quiz.md:6:3 CB0034|modules/01-basics/quiz.md:9:1 CB0031")]
    [InlineData("modules/01-basics/01-first.md", "---\n- a list\n---\n",
        "modules/01-basics/01-first.md:2:1 CB0001")]
    [InlineData("modules/01-basics/01-first.md", "---\ntitle: x\n",
        "modules/01-basics/01-first.md:1:1 CB0001")]
    [InlineData("modules/01-basics/01-first.md", "---\ntitle: x\n---\n::: scenario id=s1\n- [x] a\n- [ ] b\n:::\n",
        "modules/01-basics/01-first.md:4:1 CB0003|modules/01-basics/01-first.md:4:1 CB0023|modules/01-basics/01-first.md:4:1 CB0028|" +
        "modules/01-basics/01-first.md:5:3 CB0027|modules/01-basics/01-first.md:6:3 CB0027")]
    [InlineData("modules/01-basics/01-first.md", "---\ntitle: x\n---\n- [x] outside a question\n\n::: reveal\n:::\n::: reflection lines=999\n:::\n",
        "modules/01-basics/01-first.md:8:1 CB0004")]
    [InlineData("course.yml", "\u0000\u0001binary",
        "course.yml:1:1 CB0005")]
    [InlineData("course.yml", "",
        "course.yml:1:1 CB0003|course.yml:1:1 CB0003")]
    public void OddInputsGiveTheirDiagnosticsNotExceptions(string relative, string text, string expected)
    {
        using var temp = new TempDir("robust");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        File.WriteAllText(Path.Combine(content, relative), text);
        var result = CourseBuild.Check(content);
        var found = result.Diagnostics
            .Select(d => $"{Path.GetRelativePath(content, d.Location.Path).Replace('\\', '/')}:{d.Location.Line}:{d.Location.Column} {d.Code}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected.Split('|'), found);
    }
}
