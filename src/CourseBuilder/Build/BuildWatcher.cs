namespace CourseBuilder.Build;

/// <summary>
/// <c>build --watch</c>: builds once, then again whenever a file under the content folder
/// changes. Bursts of events (an editor saving several files, or writing a temp file and
/// renaming it) are coalesced into one rebuild. A build that fails leaves the last good output
/// in place, as every build does.
/// </summary>
public sealed class BuildWatcher
{
    private readonly BuildOptions _options;
    private readonly TimeSpan _quietPeriod;

    public BuildWatcher(BuildOptions options, TimeSpan? quietPeriod = null)
    {
        _options = options;
        _quietPeriod = quietPeriod ?? TimeSpan.FromMilliseconds(250);
    }

    /// <summary>Runs until <paramref name="cancellation"/> is cancelled, reporting each build's result.</summary>
    public async Task RunAsync(Action<BuildResult> onBuilt, Action<Exception> onFailure, CancellationToken cancellation)
    {
        // A refused output folder is refused once, up front, not reported on every save.
        OutputGuard.CheckTarget(_options.ContentDirectory, _options.OutputDirectory);
        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(Path.GetFullPath(_options.ContentDirectory))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        // OutputGuard keeps the output (and its work folder beside it) out of the content folder,
        // so every event here is an author's edit, never the build's own writes.
        void Signal(object? sender, FileSystemEventArgs e)
        {
            if (changed.CurrentCount == 0) changed.Release();
        }
        watcher.Changed += Signal;
        watcher.Created += Signal;
        watcher.Deleted += Signal;
        watcher.Renamed += (s, e) => Signal(s, e);
        watcher.EnableRaisingEvents = true;

        BuildOnce(onBuilt, onFailure);
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                await changed.WaitAsync(cancellation);
                // Wait for the burst to end: keep waiting while events keep coming.
                while (await changed.WaitAsync(_quietPeriod, cancellation)) { }
                BuildOnce(onBuilt, onFailure);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
    }

    private void BuildOnce(Action<BuildResult> onBuilt, Action<Exception> onFailure)
    {
        try
        {
            onBuilt(CourseBuild.Run(_options));
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or UsageException))
        {
            // An edit may remove a file mid-build; the next save triggers another try.
            onFailure(ex);
        }
    }
}
