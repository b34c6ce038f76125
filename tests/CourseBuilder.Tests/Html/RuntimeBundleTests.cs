using System.Diagnostics;
using CourseBuilder.Html;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Html;

/// <summary>
/// The learner runtime is minified when the library is compiled (src/CourseBuilder.RuntimeMinifier,
/// target MinifyRuntime), not when a course is built: what the library embeds must be exactly what
/// the minifier makes of the sources in the repository now, so an incremental compile can never
/// ship a stale runtime.
/// </summary>
public sealed class RuntimeBundleTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string Runtime => Path.Combine(TestPaths.RepoRoot, "src", "CourseBuilder", "Html", "Runtime");

    [Fact]
    public void The_shipped_runtime_is_the_minifier_output_of_the_current_sources()
    {
        using var temp = new TempDir("runtime");
        var minifier = Path.Combine(TestPaths.RepoRoot, "src", "CourseBuilder.RuntimeMinifier", "bin", Configuration, "net10.0", "CourseBuilder.RuntimeMinifier.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { minifier, Runtime, temp.Path }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);

        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Path, "player.js")), HtmlStage.RuntimeFile("player.js"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Path, "player.css")), HtmlStage.RuntimeFile("player.css"));
    }

    [Fact]
    public void The_shipped_script_is_one_minified_strict_mode_function_of_all_sources()
    {
        var script = System.Text.Encoding.UTF8.GetString(HtmlStage.RuntimeFile("player.js"));
        Assert.StartsWith("(function(){\"use strict\";", script);
        Assert.EndsWith("})()\n", script);
        Assert.DoesNotContain('\n', script.TrimEnd('\n'));
        var sources = Directory.GetFiles(Path.Combine(Runtime, "src"), "*.js").Sum(f => new FileInfo(f).Length);
        Assert.InRange(script.Length, 1, sources / 2);
        Assert.Contains("CBPlayer", script);
    }
}
