using CourseBuilder.Build;
using CourseBuilder.Cli;
using CourseBuilder.Tests.Support;
using static CourseBuilder.Tests.Safety.SafetyHelpers;

namespace CourseBuilder.Tests.Safety;

/// <summary>Output folders a build must refuse (exit 2, one line), with every file left byte-identical.</summary>
public sealed class OutputRefusalTests
{
    /// <summary>A working folder like an author's: content, a .git folder, notes.</summary>
    private static string Project(TempDir temp)
    {
        var project = temp.Sub("project");
        temp.CopyFrom(TestPaths.ValidCourse, "project/content");
        Directory.CreateDirectory(Path.Combine(project, ".git", "objects"));
        File.WriteAllText(Path.Combine(project, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(project, "notes.md"), "my notes\n");
        return project;
    }

    private static void AssertRefused((int Code, string Out, string Err) run, string expected)
    {
        Assert.Equal(ExitCode.UsageError, run.Code);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coursebuilder: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void TheContentFolderItselfIsRefused()
    {
        using var temp = new TempDir("refuse");
        var project = Project(temp);
        var before = Snapshot(project);
        var content = Path.Combine(project, "content");
        AssertRefused(Run("build", content, "--out", content), $"refusing to build into '{content}': it is the content folder");
        Assert.Equal(before, Snapshot(project));
        Assert.Equal(["project"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void TheCurrentFolderHoldingTheContentIsRefused()
    {
        using var temp = new TempDir("refuse");
        var project = Project(temp);
        var before = Snapshot(project);
        // `--out .` needs a working folder of its own, so it runs as a real process.
        var run = RunProcess(project, null, "build", "content", "--out", ".");
        AssertRefused(run, "refusing to build into '.': it holds the content folder");
        Assert.Equal(before, Snapshot(project));
    }

    [Fact]
    public void AFolderInsideTheContentOrALinkToItIsRefused()
    {
        using var temp = new TempDir("refuse");
        var project = Project(temp);
        var content = Path.Combine(project, "content");
        var link = temp.Sub("link");
        File.CreateSymbolicLink(link, content);
        var before = Snapshot(project);
        AssertRefused(Run("build", content, "--out", Path.Combine(content, "modules", "..", "build")), "it lies inside the content folder");
        AssertRefused(Run("build", content, "--out", Path.Combine(link, "modules")), "it lies inside the content folder");
        AssertRefused(Run("build", content, "--out", link), "it is the content folder");
        Assert.Equal(before, Snapshot(project));
    }

    [Fact]
    public void TheFileSystemRootIsRefused()
    {
        using var temp = new TempDir("refuse");
        var project = Project(temp);
        var before = Snapshot(project);
        AssertRefused(Run("build", Path.Combine(project, "content"), "--out", "/"), "refusing to build into '/': it is the root of the file system");
        AssertRefused(Run("build", Path.Combine(project, "content"), "--out", "/tmp/.."), "it is the root of the file system");
        Assert.Equal(before, Snapshot(project));
    }

    [Fact]
    public void TheHomeFolderIsRefused()
    {
        using var temp = new TempDir("refuse");
        var project = Project(temp);
        // A home folder of the test's own, given to a real process through HOME (what `~` expands to).
        var home = temp.Sub("home");
        Directory.CreateDirectory(Path.Combine(home, "Documents"));
        File.WriteAllText(Path.Combine(home, ".bashrc"), "export EDITOR=vi\n");
        File.WriteAllText(Path.Combine(home, "Documents", "thesis.txt"), "chapter one\n");
        var before = Snapshot(home);
        var run = RunProcess(project, new Dictionary<string, string> { ["HOME"] = home }, "build", "content", "--out", home);
        AssertRefused(run, $"refusing to build into '{home}': it is the home folder");
        Assert.Equal(before, Snapshot(home));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, ".home.coursebuilder")));
    }

    [Fact]
    public void AnExistingFolderOfOtherFilesIsRefusedNotEmptied()
    {
        using var temp = new TempDir("refuse");
        var project = Project(temp);
        var unrelated = temp.Sub("unrelated");
        Directory.CreateDirectory(Path.Combine(unrelated, "drafts"));
        File.WriteAllText(Path.Combine(unrelated, "thesis.docx"), "years of work");
        File.WriteAllText(Path.Combine(unrelated, "drafts", "a.txt"), "draft");
        var before = Snapshot(unrelated);
        AssertRefused(Run("build", Path.Combine(project, "content"), "--out", unrelated),
            $"refusing to build into '{unrelated}': the folder holds files CourseBuilder did not write (drafts, thesis.docx)");
        Assert.Equal(before, Snapshot(unrelated));
        Assert.False(Directory.Exists(temp.Sub(".unrelated.coursebuilder")), "nothing is created beside a refused folder");
    }

    [Fact]
    public void AnEmptyFolderAKeptFolderAndAnOutputFromBeforeTheMarkerAreAccepted()
    {
        using var temp = new TempDir("refuse");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var kept = temp.Sub("kept");
        Directory.CreateDirectory(kept);
        File.WriteAllText(Path.Combine(kept, ".gitkeep"), "");
        Assert.Equal(0, Run("build", content, "--out", kept, "--format", "html").Code);
        Assert.True(File.Exists(Path.Combine(kept, ".gitkeep")));
        Assert.Equal(OutputGuard.MarkerText, File.ReadAllText(Path.Combine(kept, OutputGuard.MarkerFile)));

        // An output written before the marker existed is recognised by its build-report.json.
        File.Delete(Path.Combine(kept, OutputGuard.MarkerFile));
        var (code, _, error) = Run("build", content, "--out", kept, "--format", "html", "--no-cache");
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(kept, OutputGuard.MarkerFile)));
    }

    [Fact]
    public void AnOutputThatIsAFileIsRefusedAndTheFileKept()
    {
        using var temp = new TempDir("refuse");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var file = temp.Sub("output");
        File.WriteAllText(file, "a file, not a folder");
        AssertRefused(Run("build", content, "--out", file), $"cannot build into '{file}': it is a file, not a folder");
        AssertRefused(Run("build", content, "--out", Path.Combine(file, "out")), $"{file} is a file, not a folder");
        Assert.Equal("a file, not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void AnOutputWhereTheFileSystemRefusesWritingExitsFourNamingThePath()
    {
        // Tests run as root, which no chmod stops; sysfs refuses to create anything even for
        // root (EPERM), which is the closest honest stand-in for a folder the build may not write.
        using var temp = new TempDir("refuse");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var (code, _, error) = Run("build", content, "--out", "/sys/coursebuilder-test-out");
        Assert.Equal(ExitCode.FileSystemFailure, code);
        Assert.Equal("coursebuilder: permission denied: /sys/.coursebuilder-test-out.coursebuilder", error.Trim());
    }

    [Fact]
    public void ADiskFullFailureIsDescribedWithItsPath()
    {
        // A real ENOSPC, from /dev/full; a build that meets one ends with this line and exit 4.
        var full = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes("/dev/full", [1, 2, 3]));
        Assert.Equal("no space left on the disk: /dev/full", FileSystemFailure.Describe(full));
        Assert.Equal("no space left on the disk: /dev/full", FileSystemFailure.Describe(new AggregateException(new InvalidOperationException("x"), full)));
        Assert.Null(FileSystemFailure.Describe(new InvalidOperationException("a bug")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AContentFileThatCannotBeReadIsNamedNotAnInternalFailure()
    {
        // chmod does not stop root, so as root the real CLI runs as the user nobody
        // (runuser); as any other user it runs as that user.
        using var temp = new TempDir("refuse");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var lesson = Path.Combine(content, "modules", "02-more", "01-only.md");
        foreach (var entry in Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories).Append(temp.Path))
            File.SetUnixFileMode(entry, Directory.Exists(entry) ? (UnixFileMode)0b111_111_111 : (UnixFileMode)0b110_110_110);
        File.SetUnixFileMode(lesson, UnixFileMode.None);
        var cli = new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "CourseBuilder.Cli.dll"), "build", content, "--out", temp.Sub("out") };
        var asRoot = Environment.UserName == "root";
        var info = new System.Diagnostics.ProcessStartInfo(asRoot ? "runuser" : cli[0])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = temp.Path,
        };
        foreach (var arg in asRoot ? ["-u", "nobody", "--", "env", $"HOME={temp.Path}", $"DOTNET_CLI_HOME={temp.Path}", .. cli] : cli[1..])
            info.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)));

        // The loader reads every content file, so an unreadable lesson is the author's to fix:
        // a diagnostic at the file (exit 1), like any other problem in the content.
        Assert.Equal(ExitCode.AuthorErrors, process.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("CB0045"));
        Assert.Contains("modules/02-more/01-only.md:1:1: error CB0045: '01-only.md' cannot be read", line);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }
}
