using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Safety;

/// <summary>What the safety tests share: byte snapshots of folders, the CLI in-process and as a real process.</summary>
internal static class SafetyHelpers
{
    /// <summary>Every file under <paramref name="folder"/> (hidden ones and .git included) with its SHA-256.</summary>
    public static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    public static (int Code, string Out, string Err) Run(params string[] args) => InProcessCli.Run(args);

    /// <summary>Starts the real <c>coursebuilder</c> (the CLI assembly copied beside the tests) in <paramref name="workingDirectory"/>.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CourseBuilder.Cli.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public static (int Code, string Out, string Err) RunProcess(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) { process.Kill(); throw new TimeoutException("coursebuilder did not finish"); }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The artifacts build-report.json lists, each as (path, sha256).</summary>
    public static List<(string Path, string Sha256)> ReportedArtifacts(string output)
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "build-report.json")));
        return report.RootElement.GetProperty("artifacts").EnumerateArray()
            .Select(a => (a.GetProperty("path").GetString()!, a.GetProperty("sha256").GetString()!)).ToList();
    }

    /// <summary>Asserts every artifact the report lists exists with its recorded SHA-256.</summary>
    public static void AssertReportMatchesDisk(string output)
    {
        var artifacts = ReportedArtifacts(output);
        Assert.NotEmpty(artifacts);
        foreach (var (path, sha) in artifacts)
        {
            var file = Path.Combine(output, path);
            Assert.True(File.Exists(file), $"{path} is listed in build-report.json but missing");
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
        }
    }

    /// <summary>The PID of a process that has ended.</summary>
    public static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
