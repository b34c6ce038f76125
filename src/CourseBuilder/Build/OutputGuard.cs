namespace CourseBuilder.Build;

/// <summary>
/// The pipeline's rule for where a build may write. A build replaces its output folder as a
/// whole, so the folder must be one that holds nothing but what CourseBuilder wrote: never the
/// content folder, a folder around or inside it, a file system root, the home folder, a file,
/// or a folder of someone else's files. Paths are compared after resolving symbolic links and
/// <c>..</c> the way the kernel does, so no spelling of a path slips past the rule.
/// Every refusal is a <see cref="UsageException"/> (exit 2) whose one line names the path.
/// </summary>
public static class OutputGuard
{
    /// <summary>Written into every output folder; its presence is what makes a folder CourseBuilder's to replace.</summary>
    public const string MarkerFile = ".coursebuilder-output";

    public const string MarkerText = "This folder is written by CourseBuilder: each `coursebuilder build` replaces it as a whole.\n";

    /// <summary>Files a repository keeps in an output folder; they are carried into every new output.</summary>
    public static readonly IReadOnlyList<string> KeptFiles = [".gitkeep", ".gitignore"];

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// Checks where the output may go, before anything is written; returns the output folder's
    /// real path (symbolic links resolved), which the build then works on.
    /// </summary>
    public static string CheckTarget(string contentDirectory, string outputDirectory, string? homeDirectory = null)
    {
        var output = RealPath(outputDirectory);
        var content = RealPath(contentDirectory);
        var shown = outputDirectory;
        if (Path.GetPathRoot(output) is { } root && Same(output, root))
            throw new UsageException($"refusing to build into '{shown}': it is the root of the file system; choose an empty or new folder with --out");
        var home = homeDirectory ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home) && (Same(output, RealPath(home)) || Inside(RealPath(home), output)))
            throw new UsageException($"refusing to build into '{shown}': it is {(Same(output, RealPath(home)) ? "the home folder" : "a folder that holds the home folder")} ({output}); choose an empty or new folder with --out");
        if (Same(output, content))
            throw new UsageException($"refusing to build into '{shown}': it is the content folder ({content}); a build replaces its output folder as a whole");
        if (Inside(content, output))
            throw new UsageException($"refusing to build into '{shown}': it holds the content folder {content}; a build replaces its output folder as a whole");
        if (Inside(output, content))
            throw new UsageException($"refusing to build into '{shown}': it lies inside the content folder {content}; put the output outside it");
        if (File.Exists(output))
            throw new UsageException($"cannot build into '{shown}': it is a file, not a folder");
        for (var parent = Path.GetDirectoryName(output); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
                throw new UsageException($"cannot build into '{shown}': {parent} is a file, not a folder");
            if (Directory.Exists(parent)) break;
        }
        // Checked again under the lock; refusing here already means nothing is created beside a
        // folder that is not CourseBuilder's.
        CheckOwned(output, shown);
        return output;
    }

    /// <summary>
    /// Refuses an existing output folder that CourseBuilder did not write: one that is not empty
    /// and has neither the marker nor a build-report.json of CourseBuilder's. Called under the
    /// build lock, after an interrupted build's output was put back.
    /// </summary>
    public static void CheckOwned(string output, string shown)
    {
        if (!Directory.Exists(output) || IsCourseBuilderOutput(output)) return;
        var foreign = Directory.EnumerateFileSystemEntries(output)
            .Select(Path.GetFileName)
            .Where(name => !KeptFiles.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (foreign.Count == 0) return;
        throw new UsageException(
            $"refusing to build into '{shown}': the folder holds files CourseBuilder did not write ({string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? ", …" : "")}) " +
            "and a build replaces it as a whole; choose an empty or new folder with --out");
    }

    /// <summary>True for a folder with the marker, or one written by a version from before the marker (its build-report.json says so).</summary>
    public static bool IsCourseBuilderOutput(string folder)
    {
        if (File.Exists(Path.Combine(folder, MarkerFile))) return true;
        var report = Path.Combine(folder, BuildReport.FileName);
        if (!File.Exists(report)) return false;
        try
        {
            using var reader = new StreamReader(report);
            var head = new char[256];
            var read = reader.ReadBlock(head, 0, head.Length);
            return new string(head, 0, read).Contains("\"tool\": \"CourseBuilder\"", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The path with every symbolic link resolved and <c>.</c> and <c>..</c> applied the way the
    /// kernel does (a <c>..</c> after a link goes to the parent of the link's target). Components
    /// that do not exist yet are kept as written.
    /// </summary>
    public static string RealPath(string path) => RealPath(path, depth: 0);

    private static string RealPath(string path, int depth)
    {
        if (depth > 40) throw new UsageException($"cannot resolve '{path}': too many levels of symbolic links");
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute)!;
        var current = root;
        foreach (var part in absolute[root.Length..].Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                // Resolve the target in the folder holding the link, then its own links.
                next = RealPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target), depth + 1);
            }
            current = next;
        }
        return current.Length > root.Length ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }

    private static bool Same(string a, string b) =>
        string.Equals(a.TrimEnd(Path.DirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar), PathComparison);

    /// <summary>True when <paramref name="inner"/> lies strictly inside <paramref name="outer"/>.</summary>
    private static bool Inside(string inner, string outer)
    {
        var prefix = outer.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return inner.StartsWith(prefix, PathComparison) && !Same(inner, outer);
    }
}
