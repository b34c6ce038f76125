using System.IO.Hashing;

namespace CourseBuilder.Build;

/// <summary>
/// One XXH64 over every artifact a full build wrote and its build cache (path, size and bytes,
/// in path order), recorded in the <see cref="UpToDateRecord"/>. A build with nothing changed
/// recomputes it to be sure the output is still exactly what was written before it answers
/// "up to date". XXH64, not SHA-256: it guards against accidents (an edited or truncated
/// package), not an attacker with write access to the output, and it spares that build the
/// start-up of the platform's cryptography library; not XXH128, whose vectorised code is
/// compiled at run time (3 ms) where XXH64's ships precompiled.
/// </summary>
internal static class OutputDigest
{
    /// <summary>
    /// The digest of <paramref name="artifacts"/> (in the order given: builds list them by path)
    /// and of the build cache, as they are in <paramref name="folder"/>; null if an artifact is
    /// missing, of another size or unreadable.
    /// </summary>
    public static string? Of(string folder, IReadOnlyList<Artifact> artifacts)
    {
        var hash = new XxHash64();
        try
        {
            foreach (var artifact in artifacts)
            {
                var file = Path.Combine(folder, artifact.Path);
                var info = new FileInfo(file);
                if (!info.Exists || info.Length != artifact.Size) return null;
                Add(hash, artifact.Path, file);
            }
            var cache = Path.Combine(folder, BuildCache.FileName);
            if (File.Exists(cache)) Add(hash, BuildCache.FileName, cache);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(XxHash64 hash, string name, string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        hash.Append(System.Text.Encoding.UTF8.GetBytes($"{name}\n{stream.Length}\n"));
        hash.Append(stream);
    }
}
