namespace CourseBuilder.Tests.Support;

public static class TestPaths
{
    /// <summary>The repository root: the folder holding CourseBuilder.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "CourseBuilder.Tests", "Fixtures");
    public static string ValidCourse => Path.Combine(Fixtures, "valid-course");
    public static string BundledContent => Path.Combine(RepoRoot, "content");

    /// <summary>
    /// The official SCORM schemas. They are not in the repository: a clone sits at
    /// <c>&lt;somewhere&gt;/main</c> with <c>shared/scorm-schemas</c> beside it.
    /// </summary>
    public static string SharedSchemas
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "scorm-schemas"));
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException(
                    $"the official SCORM schemas were not found at {folder}; the SCORM tests need the shared " +
                    "schema folder beside the repository (../shared/scorm-schemas, see its SOURCES.md)");
            return folder;
        }
    }

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
