using System.Text.Json;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Build;

/// <summary>build-report.json: every artifact with its hash, the diagnostics, and the build time.</summary>
public static class BuildReport
{
    public const string FileName = "build-report.json";

    public static byte[] Serialize(string courseId, string contentDirectory, TimeSpan duration,
        IReadOnlyList<Artifact> artifacts, IReadOnlyList<Diagnostic> diagnostics) => BuildJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("tool", "CourseBuilder");
        writer.WriteString("toolVersion", ToolInfo.Version);
        writer.WriteString("courseId", courseId);
        writer.WriteString("contentDirectory", contentDirectory);
        writer.WriteNumber("buildSeconds", Math.Round(duration.TotalSeconds, 3));
        writer.WriteNumber("errors", diagnostics.Count(d => d.IsError));
        writer.WriteNumber("warnings", diagnostics.Count(d => !d.IsError));
        BuildJson.WriteArtifacts(writer, artifacts);
        writer.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
            writer.WriteString("code", d.Code);
            writer.WriteString("path", Path.IsPathRooted(d.Location.Path) ? Path.GetRelativePath(contentDirectory, d.Location.Path) : d.Location.Path);
            writer.WriteNumber("line", d.Location.Line);
            writer.WriteNumber("column", d.Location.Column);
            writer.WriteString("message", d.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

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
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Null
                && BuildJson.Artifacts(document.RootElement) is { } artifacts && artifacts.All(Artifact.IsWellFormed))
                return artifacts!;
            problem = $"{path} is damaged";
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            problem = $"{path} cannot be read ({ex.Message.Split('\n')[0]})";
        }
        return null;
    }
}
