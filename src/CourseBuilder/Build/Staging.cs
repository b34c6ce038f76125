namespace CourseBuilder.Build;

/// <summary>
/// Builds write into a staging folder beside the output folder and swap it in only at the end,
/// so a failed or interrupted build leaves the previous output exactly as it was.
/// </summary>
public sealed class Staging : IDisposable
{
    private const string StagingSuffix = ".staging-";
    private const string RetiredSuffix = ".old-";
    private readonly string _output;
    private bool _committed;

    public Staging(string outputDirectory)
    {
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, Path.GetFileName(_output));
        Root = $"{_output}{StagingSuffix}{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder to write into.</summary>
    public string Root { get; }

    public string PathOf(string relative)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Replaces the output folder with the staged one. Files the repository keeps there (.gitkeep) are carried over.</summary>
    public void Commit()
    {
        foreach (var keep in new[] { ".gitkeep", ".gitignore" })
        {
            var old = Path.Combine(_output, keep);
            if (File.Exists(old)) File.Copy(old, Path.Combine(Root, keep), overwrite: true);
        }
        string? retired = null;
        if (Directory.Exists(_output))
        {
            retired = $"{_output}{RetiredSuffix}{Guid.NewGuid():N}";
            Directory.Move(_output, retired);
        }
        Directory.Move(Root, _output);
        _committed = true;
        if (retired is not null) TryDelete(retired);
    }

    public void Dispose()
    {
        if (!_committed) TryDelete(Root);
    }

    /// <summary>Staging folders of builds that were killed, and retired outputs not yet deleted.</summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, name + ".*"))
        {
            var suffix = Path.GetFileName(dir)[name.Length..];
            if (suffix.StartsWith(StagingSuffix, StringComparison.Ordinal) || suffix.StartsWith(RetiredSuffix, StringComparison.Ordinal))
                TryDelete(dir);
        }
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
