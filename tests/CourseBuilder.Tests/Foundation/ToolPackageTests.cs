using System.Diagnostics;
using System.Text.RegularExpressions;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

/// <summary>
/// The CLI as people install it: <c>dotnet pack</c>, which builds the RID-specific ReadyToRun
/// package (CourseBuilder.linux-x64) and the framework-dependent one for every other platform
/// (CourseBuilder.any) beside the package that points to them; <c>dotnet tool install</c> from
/// those local packages into a temporary tool path; then the installed <c>coursebuilder</c>
/// builds the bundled course from an empty template cache, with the built-in templates it
/// ships compiled. Slow (a minute or more: pack
/// compiles the tool ahead of time), so everything that needs the installed tool is this one test.
/// </summary>
public sealed partial class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void The_packed_tool_installs_and_builds_the_bundled_course()
    {
        var version = VersionProperty().Match(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props"))).Groups[1].Value;
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        using var temp = new TempDir("tool");
        var packages = temp.Sub("packages");
        var tools = temp.Sub("tools");

        // Not --no-build: the RID-specific package is published from a RID-specific build, which
        // the solution's build does not make (the RID-agnostic projects it builds are up to date).
        var pack = Run("dotnet", ["pack", Path.Combine(TestPaths.RepoRoot, "src", "CourseBuilder.Cli"), "-c", Configuration, "-o", packages, "-nologo"]);
        Assert.True(pack.Code == 0, pack.Output);
        foreach (var id in new[] { "CourseBuilder", "CourseBuilder.linux-x64", "CourseBuilder.any" })
            Assert.True(File.Exists(Path.Combine(packages, $"{id}.{version}.nupkg")), pack.Output);

        // Only the local package folder: the tool package carries all it needs, and no package of
        // the same name on a public feed can stand in for the one just packed.
        var config = temp.Sub("nuget.config");
        File.WriteAllText(config, "<configuration><packageSources><clear /></packageSources></configuration>");
        var install = Run("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", packages, "CourseBuilder", "--version", version]);
        Assert.True(install.Code == 0, install.Output);
        var coursebuilder = Path.Combine(tools, OperatingSystem.IsWindows() ? "coursebuilder.exe" : "coursebuilder");
        // On Linux x64 the install is the ReadyToRun package; elsewhere the framework-dependent one.
        var linuxX64 = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;
        var installed = Directory.GetDirectories(Path.Combine(tools, ".store", "coursebuilder", version)).Select(Path.GetFileName).ToList();
        Assert.Contains(linuxX64 ? "coursebuilder.linux-x64" : "coursebuilder.any", installed);

        var versionRun = Run(coursebuilder, ["--version"]);
        Assert.Equal(0, versionRun.Code);
        Assert.StartsWith(version, versionRun.Output.Trim());
        var help = Run(coursebuilder, ["build", "--help"]);
        Assert.Contains("coursebuilder build [<content>] [options]", help.Output);
        Assert.DoesNotContain("CourseBuilder.Cli", help.Output);

        var output = temp.Sub("out");
        var templateCache = temp.Sub("template-cache");
        var build = Run(coursebuilder, ["build", TestPaths.BundledContent, "--out", output, "--no-cache"], templateCache);
        Assert.True(build.Code == 0, build.Output);
        // The package carries the built-in templates compiled: the build compiled none of its own.
        Assert.Equal(12, Directory.GetFiles(Path.Combine(tools, ".store"), "*.dll", SearchOption.AllDirectories)
            .Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "templates"));
        Assert.False(Directory.Exists(Path.Combine(templateCache, "templates")));
        var modules = Directory.GetDirectories(Path.Combine(TestPaths.BundledContent, "modules")).Length;
        Assert.Equal(modules + 1, Directory.GetFiles(Path.Combine(output, "scorm12"), "*.zip").Length);
        Assert.Equal(modules + 1, Directory.GetFiles(Path.Combine(output, "scorm2004"), "*.zip").Length);
        Assert.Equal(2 * (modules + 1), Directory.GetFiles(Path.Combine(output, "pdf"), "*.pdf").Length);
    }

    [GeneratedRegex(@"<Version>([^<]+)</Version>")]
    private static partial Regex VersionProperty();

    private static (int Code, string Output) Run(string file, string[] args, string? templateCache = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not where it looks by default.
        info.Environment["DOTNET_ROOT"] = DotnetRoot();
        if (templateCache is not null) info.Environment["COURSEBUILDER_CACHE_DIR"] = templateCache;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 8 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The .NET installation running this test: …/shared/Microsoft.NETCore.App/x.y.z/ → ….</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
}
