using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CourseBuilder.Build;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

/// <summary>
/// Same input, same bytes, across processes, time zones and cultures: the fixture course is built
/// by two separate `coursebuilder` processes in time zones 26 hours apart, and once more inside
/// this test process under the Turkish culture (dotted and dotless i, comma decimals), and every
/// artifact must come out byte-identical. A single process cannot see a cache, a time zone or a
/// culture leaking into the output; this can.
/// </summary>
public sealed class CrossProcessDeterminismTests
{
    [Fact]
    public void Two_processes_in_different_time_zones_and_an_in_process_build_under_another_culture_give_the_same_bytes()
    {
        using var temp = new TempDir("determinism");
        var content = temp.CopyFrom(TestPaths.ValidCourse);

        var kiritimati = RunCli(content, temp.Sub("out-kiritimati"), timeZone: "Pacific/Kiritimati", language: "C.UTF-8");
        var honolulu = RunCli(content, temp.Sub("out-honolulu"), timeZone: "Pacific/Honolulu", language: "tr_TR.UTF-8");

        var inProcess = temp.Sub("out-turkish");
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("tr-TR");
            Assert.True(CourseBuild.Run(new BuildOptions(content, inProcess, UseCache: false)).Succeeded);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }

        var first = ArtifactBytes(kiritimati);
        // html, scorm12, scorm2004 and pdf for two modules and the whole course: the fixture's
        // course.yml asks for every format.
        Assert.True(first.Count >= 12, $"only {first.Count} artifacts were built");
        foreach (var other in new[] { honolulu, inProcess })
        {
            var second = ArtifactBytes(other);
            Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, bytes) in first)
                Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} differs between {kiritimati} and {other}");
        }
    }

    /// <summary>Every file the build report lists, by its path in the output folder.</summary>
    private static Dictionary<string, byte[]> ArtifactBytes(string output)
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BuildReport.FileName)));
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var artifact in report.RootElement.GetProperty("artifacts").EnumerateArray())
        {
            var path = artifact.GetProperty("path").GetString()!;
            var full = Path.Combine(output, path);
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                    files[Path.GetRelativePath(output, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }
            else
            {
                files[path] = File.ReadAllBytes(full);
            }
        }
        return files;
    }

    /// <summary>Runs the real CLI in its own process, as a user would, without the build cache.</summary>
    private static string RunCli(string content, string output, string timeZone, string language)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "CourseBuilder.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "build", content, "--out", output, "--no-cache", "--quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TZ"] = timeZone;
        start.Environment["LANG"] = language;
        start.Environment["LC_ALL"] = language;
        start.Environment.Remove("SOURCE_DATE_EPOCH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the CLI did not finish within 3 minutes");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stdout.Result}{stderr.Result}");
        return output;
    }
}
