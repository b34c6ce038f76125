using System.Globalization;

namespace CourseBuilder.Build;

/// <summary>
/// One build at a time per output folder. The lock is the file <c>lock</c> in the output's work
/// folder (<see cref="Staging.WorkFolderOf"/>), held open with <see cref="FileShare.None"/>:
/// .NET takes an exclusive <c>flock</c> for that on Linux and macOS (a sharing lock on Windows),
/// which the kernel drops when the process ends, however it ends. So a lock left by a killed
/// build is simply free, and no build ever deletes a lock another one holds. Beside it,
/// <c>holder</c> names the holder's PID and start time for the message of a build that waits
/// (the lock file itself cannot be read while it is held).
/// </summary>
public sealed class BuildLock : IDisposable
{
    private const string LockFile = "lock";
    private const string HolderFile = "holder";

    // EAGAIN/EWOULDBLOCK (Linux 11, macOS 35) and Windows' ERROR_SHARING_VIOLATION: another handle holds the lock.
    private static readonly int[] HeldCodes = [11, 35, unchecked((int)0x80070020)];

    private readonly FileStream _handle;
    private readonly string _holderPath;

    private BuildLock(FileStream handle, string holderPath)
    {
        _handle = handle;
        _holderPath = holderPath;
    }

    /// <summary>
    /// Takes the lock of the output whose work folder is <paramref name="workFolder"/>. While
    /// another build holds it: waits (telling <paramref name="notice"/> once), or with
    /// <paramref name="wait"/> false refuses with a <see cref="UsageException"/> (exit 2).
    /// </summary>
    public static BuildLock Acquire(string workFolder, string shownOutput, bool wait, Action<string>? notice, TimeSpan? pollInterval = null)
    {
        Directory.CreateDirectory(workFolder);
        var lockPath = Path.Combine(workFolder, LockFile);
        var holderPath = Path.Combine(workFolder, HolderFile);
        var told = false;
        while (true)
        {
            var previous = Holder.Read(holderPath);
            FileStream? handle = null;
            try
            {
                handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (HeldCodes.Contains(ex.HResult))
            {
            }
            if (handle is not null)
            {
                // A holder file outlives its build only when the build was killed: a build that
                // ends deletes it before letting go of the lock.
                if (previous is { } stale)
                    notice?.Invoke($"taking over the lock on '{shownOutput}' left by build PID {stale.Pid} started at {stale.StartedText}, which is no longer running");
                var mine = new Holder(Environment.ProcessId, DateTimeOffset.UtcNow);
                mine.Write(holderPath);
                return new BuildLock(handle, holderPath);
            }
            var holder = previous is null ? "another build" : $"build PID {previous.Pid} started at {previous.StartedText}";
            if (!wait)
                throw new UsageException($"'{shownOutput}' is locked by {holder}; refusing to wait (--no-wait); try again when it ends");
            if (!told)
            {
                notice?.Invoke($"waiting for {holder} to finish writing '{shownOutput}' (use --no-wait to refuse instead)");
                told = true;
            }
            Thread.Sleep(pollInterval ?? TimeSpan.FromMilliseconds(200));
        }
    }

    public void Dispose()
    {
        // The holder file goes first, while the lock is still held, so a holder file found by
        // the next build always names one that was killed.
        try { File.Delete(_holderPath); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        _handle.Dispose();
    }

    /// <summary>Who holds (or last held) the lock.</summary>
    public sealed record Holder(int Pid, DateTimeOffset Started)
    {
        public string StartedText => Started.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

        public static Holder? Read(string path)
        {
            try
            {
                var fields = File.ReadAllLines(path)
                    .Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
                    .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
                if (fields.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    && fields.TryGetValue("started", out var started)
                    && DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                    return new Holder(number, time);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
            return null;
        }

        public void Write(string path)
        {
            // Written aside and renamed, so a waiting build never reads half a file.
            var temp = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}";
            File.WriteAllText(temp, $"pid={Pid}\nstarted={Started.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\n");
            File.Move(temp, path, overwrite: true);
        }
    }
}
