using CourseBuilder.Cli;
using CourseBuilder.Tests.Support;
using static CourseBuilder.Tests.Support.InProcessCli;

namespace CourseBuilder.Tests.QuizPolicy;

/// <summary><c>check --strict</c> and <c>build --strict</c>: warnings become errors with exit code 1, for CI.</summary>
public sealed class StrictOptionTests
{
    /// <summary>The valid fixture with one warning: a pass mark of 75% over a draw of 2 needs 2 of 2 (CB0100).</summary>
    private static string ContentWithOneWarning(TempDir temp)
    {
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var quiz = Path.Combine(content, "modules", "01-basics", "quiz.md");
        File.WriteAllText(quiz, File.ReadAllText(quiz).Replace("pass-mark: 50\n", "pass-mark: 75\n"));
        return content;
    }

    [Fact]
    public void Check_without_strict_reports_the_warning_and_exits_zero()
    {
        using var temp = new TempDir("strict");
        var (code, output, error) = Run("check", ContentWithOneWarning(temp));
        Assert.Equal(ExitCode.Success, code);
        Assert.Contains("quiz.md:2:1: warning CB0100:", error);
        Assert.Contains("0 error(s), 1 warning(s)", output);
    }

    [Fact]
    public void Check_strict_reports_the_warning_as_an_error_and_exits_one()
    {
        using var temp = new TempDir("strict");
        var (code, _, error) = Run("check", ContentWithOneWarning(temp), "--strict");
        Assert.Equal(ExitCode.AuthorErrors, code);
        Assert.Contains("quiz.md:2:1: error CB0100:", error);
        Assert.Contains("1 error(s), 0 warning(s)", error);
    }

    [Fact]
    public void Check_strict_on_clean_content_exits_zero()
    {
        var (code, output, _) = Run("check", "--strict", TestPaths.ValidCourse);
        Assert.Equal(ExitCode.Success, code);
        Assert.Contains("0 error(s), 0 warning(s)", output);
    }

    [Fact]
    public void Build_strict_with_a_warning_writes_nothing_and_exits_one()
    {
        using var temp = new TempDir("strict");
        var content = ContentWithOneWarning(temp);
        var outDir = temp.Sub("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "previous.txt"), "from the last build");

        var (code, _, error) = Run("build", content, "--out", outDir, "--format", "html", "--strict");

        Assert.Equal(ExitCode.AuthorErrors, code);
        Assert.Contains("quiz.md:2:1: error CB0100:", error);
        Assert.Equal(["previous.txt"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Build_without_strict_goes_on_despite_the_warning()
    {
        using var temp = new TempDir("strict");
        var outDir = temp.Sub("out");
        var (code, _, _) = Run("build", ContentWithOneWarning(temp), "--out", outDir, "--format", "html");
        Assert.Equal(ExitCode.Success, code);
        Assert.True(File.Exists(Path.Combine(outDir, "html", "course", "index.html")));
    }
}
