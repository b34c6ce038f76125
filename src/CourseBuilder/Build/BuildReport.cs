using System.Text.Json;
using System.Text.Json.Serialization;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Build;

/// <summary>build-report.json: every artifact with its hash, the diagnostics, and the build time.</summary>
public static class BuildReport
{
    public const string FileName = "build-report.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private sealed record Report(
        string Tool, string ToolVersion, string CourseId, string ContentDirectory, double BuildSeconds,
        int Errors, int Warnings, IReadOnlyList<Artifact> Artifacts, IReadOnlyList<ReportDiagnostic> Diagnostics);

    private sealed record ReportDiagnostic(string Severity, string Code, string Path, int Line, int Column, string Message);

    public static byte[] Serialize(string courseId, string contentDirectory, TimeSpan duration,
        IReadOnlyList<Artifact> artifacts, IReadOnlyList<Diagnostic> diagnostics)
    {
        var report = new Report("CourseBuilder", ToolInfo.Version, courseId, contentDirectory,
            Math.Round(duration.TotalSeconds, 3),
            diagnostics.Count(d => d.IsError), diagnostics.Count(d => !d.IsError),
            artifacts,
            diagnostics.Select(d => new ReportDiagnostic(d.Severity == Severity.Error ? "error" : "warning", d.Code,
                Path.IsPathRooted(d.Location.Path) ? Path.GetRelativePath(contentDirectory, d.Location.Path) : d.Location.Path,
                d.Location.Line, d.Location.Column, d.Message)).ToList());
        return JsonSerializer.SerializeToUtf8Bytes(report, Options);
    }

    private sealed record ArtifactList(IReadOnlyList<Artifact>? Artifacts);

    /// <summary>
    /// The artifacts the report in <paramref name="outputDirectory"/> lists, or null (with the
    /// reason in <paramref name="problem"/>) when there is no report or it cannot be trusted.
    /// </summary>
    public static IReadOnlyList<Artifact>? ReadArtifacts(string outputDirectory, out string? problem)
    {
        var path = Path.Combine(outputDirectory, FileName);
        problem = null;
        if (!File.Exists(path)) return null;
        try
        {
            var list = JsonSerializer.Deserialize<ArtifactList>(File.ReadAllBytes(path), Options);
            if (list?.Artifacts is { } artifacts && artifacts.All(Artifact.IsWellFormed)) return artifacts;
            problem = $"{path} is damaged";
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            problem = $"{path} cannot be read ({ex.Message.Split('\n')[0]})";
        }
        return null;
    }
}
