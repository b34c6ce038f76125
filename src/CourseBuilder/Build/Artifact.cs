namespace CourseBuilder.Build;

/// <summary>Artifact kinds as they appear in build-report.json.</summary>
public static class ArtifactKind
{
    public const string Html = "html";
    public const string Scorm12 = "scorm12";
    public const string Scorm2004 = "scorm2004";
    public const string PdfStudent = "pdf-student";
    public const string PdfFacilitator = "pdf-facilitator";
    public const string CommonCartridge = "cc";
    public const string CanvasQti = "qti";
    public const string MoodleXml = "moodle-xml";
}

/// <summary>One file the build wrote. <see cref="ModuleId"/> is null for whole-course artifacts.</summary>
public sealed record Artifact(string Kind, string? ModuleId, string Path, long Size, string Sha256);
