namespace CourseBuilder.Tests.Scorm;

/// <summary>
/// Folders the SCORM tests read. The official schemas are not in the repository: a clone sits
/// at <c>&lt;somewhere&gt;/main</c> with <c>shared/scorm-schemas</c> beside it.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedSchemas
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(Root, "..", "shared", "scorm-schemas"));
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException(
                    $"the official SCORM schemas were not found at {folder}; the SCORM tests need the shared " +
                    "schema folder beside the repository (../shared/scorm-schemas, see its SOURCES.md)");
            return folder;
        }
    }

    /// <summary>The bundled course, or null in a checkout without it.</summary>
    public static string? Content
    {
        get
        {
            var folder = Path.Combine(Root, "content");
            return File.Exists(Path.Combine(folder, "course.yml")) ? folder : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourseBuilder.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no CourseBuilder.sln above {AppContext.BaseDirectory}");
    }
}
