namespace CourseBuilder.Build;

/// <summary>
/// Builds write into a staging folder and swap it in only at the end, so a failed or interrupted
/// build leaves the previous output exactly as it was.
///
/// Everything a build keeps beside the output lives in one hidden work folder next to it,
/// <c>.&lt;name&gt;.coursebuilder/</c>: the lock (<see cref="BuildLock"/>), the staging folders
/// <c>staging-&lt;pid&gt;-&lt;id&gt;/</c>, and <c>previous/</c>, the output being replaced. The swap
/// is two renames: output to <c>previous/</c>, staging to output; then <c>previous/</c> is
/// deleted. A build killed between the renames leaves no output but a complete
/// <c>previous/</c>, which the next build puts back (<see cref="Recover"/>) before doing anything
/// else. All of this runs under the build lock, so a staging folder found there belongs to a
/// build that has ended and is the only thing ever cleaned up.
/// </summary>
public sealed class Staging : IDisposable
{
    private const string StagingPrefix = "staging-";
    private const string PreviousFolder = "previous";
    private readonly string _output;
    private bool _committed;

    /// <summary>Creates a staging folder for <paramref name="outputDirectory"/> (a real path); call under the build lock.</summary>
    public Staging(string outputDirectory)
    {
        _output = outputDirectory;
        Root = Path.Combine(WorkFolderOf(_output), $"{StagingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder to write into.</summary>
    public string Root { get; }

    /// <summary>The hidden folder beside the output that holds its lock, staging and the output being replaced.</summary>
    public static string WorkFolderOf(string outputDirectory)
    {
        var output = outputDirectory.TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.coursebuilder");
    }

    /// <summary>Where the swap parks the output being replaced.</summary>
    public static string PreviousOf(string outputDirectory) => Path.Combine(WorkFolderOf(outputDirectory), PreviousFolder);

    /// <summary>
    /// Puts back an output an interrupted swap had moved aside, and removes what ended builds left
    /// in the work folder. Call under the build lock, before the output is read. Returns a notice
    /// for the user when an output was restored.
    /// </summary>
    public static string? Recover(string outputDirectory, string shownOutput)
    {
        var work = WorkFolderOf(outputDirectory);
        var previous = PreviousOf(outputDirectory);
        string? notice = null;
        if (Directory.Exists(previous))
        {
            if (!Directory.Exists(outputDirectory))
            {
                Directory.Move(previous, outputDirectory);
                notice = $"restored '{shownOutput}' from {previous}, where a build that was interrupted had moved it";
            }
            else
            {
                // The swap had finished: this is the output it replaced.
                TryDelete(previous);
            }
        }
        if (Directory.Exists(work))
            foreach (var dir in Directory.EnumerateDirectories(work, StagingPrefix + "*"))
                TryDelete(dir);
        return notice;
    }

    public string PathOf(string relative)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>
    /// Replaces the output folder with the staged one. The repository's files there (.gitkeep)
    /// are carried over, and the marker that makes the folder CourseBuilder's is written.
    /// </summary>
    public void Commit()
    {
        foreach (var keep in OutputGuard.KeptFiles)
        {
            var old = Path.Combine(_output, keep);
            if (File.Exists(old)) File.Copy(old, Path.Combine(Root, keep), overwrite: true);
        }
        File.WriteAllText(Path.Combine(Root, OutputGuard.MarkerFile), OutputGuard.MarkerText);
        var previous = PreviousOf(_output);
        var retired = false;
        if (Directory.Exists(_output))
        {
            Directory.Move(_output, previous);
            retired = true;
        }
        try
        {
            Directory.Move(Root, _output);
        }
        catch when (retired)
        {
            // Put the previous output back rather than leave none.
            Directory.Move(previous, _output);
            throw;
        }
        _committed = true;
        if (retired) TryDelete(previous);
    }

    public void Dispose()
    {
        if (!_committed) TryDelete(Root);
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
