using System.Security.Cryptography;
using CourseBuilder.Model;

namespace CourseBuilder.Build;

/// <summary>Artifact kinds as they appear in build-report.json.</summary>
public static class ArtifactKind
{
    public const string Html = "html";
    public const string Scorm12 = "scorm12";
    public const string Scorm2004 = "scorm2004";
    public const string PdfStudent = "pdf-student";
    public const string PdfFacilitator = "pdf-facilitator";

    /// <summary>The --format that builds artifacts of this kind; null for a kind this version does not know.</summary>
    public static OutputFormat? FormatOf(string kind) => kind switch
    {
        Html => OutputFormat.Html,
        Scorm12 => OutputFormat.Scorm12,
        Scorm2004 => OutputFormat.Scorm2004,
        PdfStudent or PdfFacilitator => OutputFormat.Pdf,
        _ => null,
    };
}

/// <summary>One file the build wrote. <see cref="ModuleId"/> is null for whole-course artifacts.</summary>
public sealed record Artifact(string Kind, string? ModuleId, string Path, long Size, string Sha256)
{
    /// <summary>
    /// True for an artifact record read back from disk (the cache, a previous report) that can be
    /// trusted to name a file inside the output folder: every field present, the path relative
    /// and without <c>..</c>. A damaged or edited file must not make a build read or link
    /// anything outside its output.
    /// </summary>
    internal static bool IsWellFormed(Artifact? artifact) =>
        artifact is { Kind: not null, Path: { Length: > 0 } path, Sha256: { Length: 64 }, Size: >= 0 }
        && !System.IO.Path.IsPathRooted(path) && !path.Contains('\\')
        && path.Split('/').All(part => part is not ("" or "." or ".."));

    /// <summary>True when the file is still in <paramref name="folder"/> with the recorded size and SHA-256.</summary>
    internal bool IsIntactIn(string folder)
    {
        var file = System.IO.Path.Combine(folder, Path);
        try
        {
            if (!File.Exists(file) || new FileInfo(file).Length != Size) return false;
            using var stream = File.OpenRead(file);
            return Convert.ToHexStringLower(SHA256.HashData(stream)) == Sha256;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
