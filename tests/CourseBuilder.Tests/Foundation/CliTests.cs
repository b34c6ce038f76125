using CourseBuilder.Cli;
using CourseBuilder.Tests.Support;
using static CourseBuilder.Tests.Support.InProcessCli;

namespace CourseBuilder.Tests.Foundation;

public sealed class CliTests
{
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
        // An exception nothing anticipates (a bug of the tool) is what exit 3 is for.
        var error = new StringWriter();
        Assert.Equal(ExitCode.InternalFailure, Cli.Cli.Guard(false, error, () => throw new InvalidOperationException("the stage gave up")));
        Assert.Equal("coursebuilder: internal error: InvalidOperationException: the stage gave up (run with --verbose for details)", error.ToString().Trim());

        var verbose = new StringWriter();
        Assert.Equal(ExitCode.InternalFailure, Cli.Cli.Guard(true, verbose, () => ParallelFailure()));
        Assert.StartsWith("coursebuilder: internal error: InvalidOperationException: first\n", verbose.ToString());
        Assert.Contains(" at ", verbose.ToString());
    }

    /// <summary>Two parallel jobs failing: the first one's exception, as thrown, inside an aggregate.</summary>
    private static int ParallelFailure()
    {
        try
        {
            throw new InvalidOperationException("first");
        }
        catch (InvalidOperationException first)
        {
            throw new AggregateException(first, new ArgumentException("second"));
        }
    }

    [Fact]
    public void ATemplateThatThrowsWhileRenderingIsTheAuthorsErrorNotACrash()
    {
        // A course's template override that compiles but throws: check reports it, and build
        // stops with the same diagnostic before writing anything.
        using var temp = new TempDir("cli");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        Directory.CreateDirectory(Path.Combine(content, "templates"));
        File.WriteAllText(Path.Combine(content, "templates", "player.cshtml"), """
            @using RazorLight
            @inherits TemplatePage<CourseBuilder.Html.PlayerPage>
            @{ throw new System.InvalidOperationException("the template gave up"); }
            """);
        // The path is printed relative to the working directory, wherever the test runs.
        const string expected = "content/templates/player.cshtml:1:1: error CB0061: template fails while rendering module 'basics': InvalidOperationException: the template gave up";
        var check = Run("check", content);
        Assert.Equal(ExitCode.AuthorErrors, check.Code);
        Assert.Contains(expected, check.Out + check.Err);

        var build = Run("build", content, "--out", temp.Sub("out"), "--format", "html");
        Assert.Equal(ExitCode.AuthorErrors, build.Code);
        Assert.Contains(expected, build.Out + build.Err);
        Assert.DoesNotContain(" at ", build.Err);
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

    [Fact]
    public void NewTemplateCopiesTheBuiltInOneAndNeverOverwrites()
    {
        using var temp = new TempDir("cli");
        var content = temp.CopyFrom(TestPaths.ValidCourse);

        var course = Run("new", "--content", content, "template", "partials/header");
        Assert.Equal(0, course.Code);
        var header = Path.Combine(content, "templates/partials/header.cshtml");
        Assert.Equal(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "src/CourseBuilder/Html/Templates/partials/header.cshtml")), File.ReadAllBytes(header));
        Assert.Equal(0, Run("new", "--content", content, "template", "directives/callout.cshtml", "--module", "more").Code);
        Assert.True(File.Exists(Path.Combine(content, "modules/02-more/templates/directives/callout.cshtml")));

        File.WriteAllText(header, "mine");
        var again = Run("new", "--content", content, "template", "partials/header");
        Assert.Equal(ExitCode.UsageError, again.Code);
        Assert.Contains("already exists", again.Err);
        Assert.Equal("mine", File.ReadAllText(header));
        var unknown = Run("new", "--content", content, "template", "partials/footer");
        Assert.Equal(ExitCode.UsageError, unknown.Code);
        Assert.Contains("'partials/footer' is not a built-in template; they are baseof, directives/callout,", unknown.Err);
    }
}
