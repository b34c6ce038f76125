namespace CourseBuilder.Tests.Support;

public static class TestPaths
{
    /// <summary>The repository root: the folder holding CourseBuilder.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "CourseBuilder.Tests", "Fixtures");
    public static string ValidCourse => Path.Combine(Fixtures, "valid-course");
    public static string BundledContent => Path.Combine(RepoRoot, "content");
    /// <summary>Content written for the PDF engine's tests.</summary>
    public static string GuideCourse => Path.Combine(Fixtures, "guide-course");

    /// <summary>
    /// The official SCORM schemas, as our packages ship them (with the validate.xsd wrappers that
    /// import every namespace a manifest may use): see src/CourseBuilder/Scorm/Schemas/SOURCES.md.
    /// </summary>
    public static string ScormSchemas => Path.Combine(RepoRoot, "src", "CourseBuilder", "Scorm", "Schemas");

    /// <summary>One valid and one broken manifest per SCORM version, to prove the validator rejects.</summary>
    public static string ScormExamples => Path.Combine(Fixtures, "scorm-examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourseBuilder.sln"))) return dir.FullName;
        throw new InvalidOperationException("CourseBuilder.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted when the test ends.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string? prefix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cb-{prefix ?? "test"}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Copies a folder tree into <paramref name="relative"/> and returns its full path.</summary>
    public string CopyFrom(string source, string relative = "content")
    {
        var target = Sub(relative);
        CopyTree(source, target);
        return target;
    }

    public static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
