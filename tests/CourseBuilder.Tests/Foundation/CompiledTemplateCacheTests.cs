using System.Diagnostics;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

/// <summary>Compiled templates persist between runs of the tool, and a damaged cache entry only costs a recompile.</summary>
public sealed class CompiledTemplateCacheTests
{
    private static (int Code, string Error) RunCli(string cacheDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CourseBuilder.Cli.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["COURSEBUILDER_CACHE_DIR"] = cacheDir;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }

    [Fact]
    public void ASecondProcessReusesTheCompiledTemplateAndADamagedOneIsRecompiled()
    {
        using var temp = new TempDir("templates");
        var cache = temp.Sub("cache");

        var first = RunCli(cache, "build", TestPaths.ValidCourse, "--out", temp.Sub("a"), "--format", "html", "--quiet");
        Assert.True(first.Code == 0, first.Error);
        // One compiled assembly per template the pages used: the layout, the player page, its five
        // partials, and the directives the fixture uses (callout, figure, reflection, question).
        var entries = Directory.GetFiles(Path.Combine(cache, "templates"), "*.dll").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(11, entries.Length);
        var stamps = entries.Select(File.GetLastWriteTimeUtc).ToList();

        var second = RunCli(cache, "build", TestPaths.ValidCourse, "--out", temp.Sub("b"), "--format", "html", "--quiet");
        Assert.True(second.Code == 0, second.Error);
        Assert.Equal(entries, Directory.GetFiles(Path.Combine(cache, "templates"), "*.dll").Order(StringComparer.Ordinal));
        Assert.Equal(stamps, entries.Select(File.GetLastWriteTimeUtc));
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Sub("a"), "html/modules/basics/index.html")),
                     File.ReadAllBytes(Path.Combine(temp.Sub("b"), "html/modules/basics/index.html")));

        File.WriteAllText(entries[0], "not an assembly");
        var third = RunCli(cache, "build", TestPaths.ValidCourse, "--out", temp.Sub("c"), "--format", "html", "--quiet");
        Assert.True(third.Code == 0, third.Error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Sub("a"), "html/modules/basics/index.html")),
                     File.ReadAllBytes(Path.Combine(temp.Sub("c"), "html/modules/basics/index.html")));
        Assert.NotEqual("not an assembly", File.ReadAllText(entries[0]));
    }
}
