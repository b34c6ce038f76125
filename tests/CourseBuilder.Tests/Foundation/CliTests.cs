using CourseBuilder.Cli;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

public sealed class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void CheckOnValidContentExitsZero()
    {
        var (code, output, _) = Run("check", TestPaths.ValidCourse);
        Assert.Equal(ExitCode.Success, code);
        Assert.Contains("0 error(s), 0 warning(s)", output);
    }

    [Fact]
    public void AuthorErrorsExitOneWithEveryDiagnosticInCompilerFormat()
    {
        using var temp = new TempDir("cli");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        File.WriteAllText(Path.Combine(content, "modules/02-more/01-only.md"), "---\nminutes: x\n---\n\n![](nowhere.png)\n");
        var (code, _, error) = Run("check", content);
        Assert.Equal(ExitCode.AuthorErrors, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.EndsWith("01-only.md:2:1: error CB0003: missing required field 'title'"));
        Assert.Contains(lines, l => l.Contains("01-only.md:2:10: error CB0004:"));
        Assert.Contains(lines, l => l.Contains("01-only.md:5:1: error CB0041:"));
        Assert.Contains(lines, l => l.Contains("01-only.md:5:1: error CB0040:"));
    }

    [Fact]
    public void UsageErrorsExitTwo()
    {
        Assert.Equal(ExitCode.UsageError, Run("build", "--format", "docx").Code);
        Assert.Equal(ExitCode.UsageError, Run("frobnicate").Code);
        using var temp = new TempDir("cli");
        var (code, _, error) = Run("build", TestPaths.ValidCourse, "--out", temp.Sub("out"), "--module", "missing");
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Contains("no module with id 'missing'", error);
    }

    [Fact]
    public void InternalFailuresExitThreeWithOneLineAndNoStackTrace()
    {
        // A template override that compiles but throws while rendering: an exception nothing
        // anticipates, which is what exit 3 is for.
        using var temp = new TempDir("cli");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        Directory.CreateDirectory(Path.Combine(content, "templates"));
        File.WriteAllText(Path.Combine(content, "templates", "player.cshtml"), """
            @using RazorLight
            @inherits TemplatePage<CourseBuilder.Html.PlayerPage>
            @{ throw new System.InvalidOperationException("the template gave up"); }
            """);
        var (code, _, error) = Run("build", content, "--out", temp.Sub("out"), "--format", "html");
        Assert.Equal(ExitCode.InternalFailure, code);
        Assert.Equal("coursebuilder: internal error: InvalidOperationException: the template gave up (run with --verbose for details)", error.Trim());

        var verbose = Run("build", content, "--out", temp.Sub("out"), "--format", "html", "--verbose");
        Assert.Contains(" at ", verbose.Err);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public void AnOutputUnderAFileIsAUsageErrorNotAnInternalFailure()
    {
        using var temp = new TempDir("cli");
        var blocker = temp.Sub("file");
        File.WriteAllText(blocker, "not a folder");
        var (code, _, error) = Run("build", TestPaths.ValidCourse, "--out", Path.Combine(blocker, "out"));
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Equal($"coursebuilder: cannot build into '{Path.Combine(blocker, "out")}': {blocker} is a file, not a folder", error.Trim());
    }

    [Fact]
    public void ATooLongModuleNameIsAUsageErrorAndCreatesNothing()
    {
        using var temp = new TempDir("cli");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var before = Directory.GetFileSystemEntries(Path.Combine(content, "modules")).Order().ToList();
        var (code, output, error) = Run("new", "--content", content, "module", new string('a', 300));
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Equal("", output);
        Assert.Equal($"coursebuilder: the name '{new string('a', 40)}…' (300 characters) is too long: it would make the id '{new string('a', 40)}…' " +
                     "of 319 characters, and ids have at most 64; use a shorter name", error.Trim());
        Assert.Equal(before, Directory.GetFileSystemEntries(Path.Combine(content, "modules")).Order().ToList());

        Assert.Equal(ExitCode.UsageError, Run("new", "--content", content, "lesson", new string('b', 300), "--module", "basics").Code);
        // The longest name whose ids still fit is accepted, and the module passes check.
        Assert.Equal(ExitCode.Success, Run("new", "--content", content, "module", new string('c', 45)).Code);
        Assert.Equal(ExitCode.Success, Run("check", content).Code);
    }

    [Fact]
    public void HelpShowsExamplesAndVersionPrintsTheVersion()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Examples:", output);
        Assert.Contains("coursebuilder build", output);
        var version = Run("--version");
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out.Trim());
    }

    [Fact]
    public void BuildPrintsPlainProgressLinesWhenRedirected()
    {
        using var temp = new TempDir("cli");
        var (code, output, _) = Run("build", TestPaths.ValidCourse, "--out", temp.Sub("out"), "--format", "html");
        Assert.Equal(0, code);
        Assert.Contains("Load: done", output);
        Assert.Contains("Render: done", output);
        Assert.DoesNotContain("\u001b[", output);
        Assert.Contains("built ", Run("build", TestPaths.ValidCourse, "--out", temp.Sub("out2"), "--format", "html").Out);
        Assert.Equal("", Run("build", TestPaths.ValidCourse, "--out", temp.Sub("out3"), "--format", "html", "--quiet").Out);
    }

    [Fact]
    public void ScaffoldedModulesAndLessonsPassCheck()
    {
        using var temp = new TempDir("cli");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        Assert.Equal(0, Run("new", "--content", content, "module", "Patient privacy").Code);
        Assert.True(Directory.Exists(Path.Combine(content, "modules/03-patient-privacy")));
        Assert.Equal(0, Run("new", "--content", content, "lesson", "Photos on the ward", "--module", "patient-privacy").Code);
        Assert.True(File.Exists(Path.Combine(content, "modules/03-patient-privacy/02-photos-on-the-ward.md")));

        var (code, output, error) = Run("check", content);
        Assert.True(code == 0, error);
        Assert.Contains("0 error(s), 0 warning(s)", output);
        Assert.Equal(ExitCode.UsageError, Run("new", "--content", content, "module", "Patient privacy").Code);
    }
}
