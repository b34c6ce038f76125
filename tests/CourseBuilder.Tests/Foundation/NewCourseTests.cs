using CourseBuilder.Cli;
using CourseBuilder.Tests.Support;
using static CourseBuilder.Tests.Support.InProcessCli;

namespace CourseBuilder.Tests.Foundation;

/// <summary><c>coursebuilder new course NAME</c>: a course repository that checks clean, and never a write into a folder in use.</summary>
public sealed class NewCourseTests
{
    [Fact]
    public void A_new_course_repository_checks_clean_and_has_its_CI_and_editor_schemas()
    {
        using var temp = new TempDir("new-course");
        var folder = temp.Sub("nursing-ethics");
        var (code, output, _) = Run("new", "course", folder);
        Assert.Equal(ExitCode.Success, code);
        Assert.Contains("created", output);

        string[] expected =
        [
            ".github/workflows/build.yml", ".gitignore", ".gitlab-ci.yml", "README.md",
            "content/course.yml", "content/modules/01-getting-started/01-introduction.md",
            "content/modules/01-getting-started/module.yml", "content/modules/01-getting-started/quiz.md",
            "schemas/course.schema.json", "schemas/lesson.schema.json", "schemas/module.schema.json", "schemas/quiz.schema.json",
        ];
        Assert.Equal(expected, Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal));

        var check = Run("check", Path.Combine(folder, "content"));
        Assert.Equal(ExitCode.Success, check.Code);
        Assert.Contains("check: 0 error(s), 0 warning(s)", check.Out);

        Assert.Contains("id: nursing-ethics\ntitle: Nursing ethics\n", File.ReadAllText(Path.Combine(folder, "content/course.yml")));
        Assert.Equal("output/", File.ReadAllLines(Path.Combine(folder, ".gitignore")).Single(l => !l.StartsWith('#') && l.Length > 0));
        foreach (var ci in new[] { ".github/workflows/build.yml", ".gitlab-ci.yml" })
        {
            var text = File.ReadAllText(Path.Combine(folder, ci));
            Assert.Contains("dotnet tool install -g CourseBuilder --version \"$COURSEBUILDER_VERSION\"", text);
            Assert.Contains("COURSEBUILDER_VERSION: \"0.1.0\"", text);
            Assert.Contains("coursebuilder check --strict content", text);
            Assert.Contains("coursebuilder build content --out output", text);
            Assert.Contains("output/scorm12/", text);
            Assert.Contains("output/pdf/", text);
        }

        // Each YAML file's modeline names a schema that is there.
        foreach (var (yaml, schema) in new[] { ("content/course.yml", "course"), ("content/modules/01-getting-started/module.yml", "module") })
        {
            var first = File.ReadLines(Path.Combine(folder, yaml)).First();
            Assert.StartsWith("# yaml-language-server: $schema=", first);
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(folder, yaml))!, first["# yaml-language-server: $schema=".Length..]));
            Assert.Equal(Path.Combine(folder, "schemas", schema + ".schema.json"), target);
        }
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_with_exit_2_and_left_as_it_was()
    {
        using var temp = new TempDir("new-course");
        var folder = temp.Sub("taken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var (code, output, error) = Run("new", "course", folder);
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Equal("", output);
        Assert.Contains("already exists and is not empty; nothing was written", error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));

        var empty = temp.Sub("empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(ExitCode.Success, Run("new", "course", empty).Code);
    }
}
