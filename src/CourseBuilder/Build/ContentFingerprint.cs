using System.IO.Hashing;
using System.Text;
using CourseBuilder.Loading;

namespace CourseBuilder.Build;

/// <summary>
/// One hash over every byte a full build reads from the content folder, with the tool's identity
/// and the build's settings. A full build with nothing changed compares it with the one the last
/// build recorded and stops there, before loading a single file: loading and checking the course
/// is most of such a build's time, and start-up is most of what a faculty member waits for.
/// Anything unusual (a link, a pipe, a file that cannot be read) gives no fingerprint, so the
/// build takes the ordinary path and the loader reports it. XXH64 rather than SHA-256: it
/// detects edits, not forgeries, and spares that build the cryptography library's start-up
/// (see <see cref="OutputDigest"/>).
/// </summary>
internal static class ContentFingerprint
{
    /// <summary>Files larger than the loader would read are left to the loader too.</summary>
    private const long MaxBytes = 64L << 20;

    public static string? Compute(string contentDirectory, string settings)
    {
        try
        {
            var hash = new XxHash64();
            Add(hash, "settings", Encoding.UTF8.GetBytes(settings));
            Add(hash, "source-date-epoch", Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(Model.BuildDate.Variable) ?? ""));
            long total = 0;
            return AddFolder(hash, contentDirectory, contentDirectory, ref total, depth: 0)
                ? Convert.ToHexStringLower(hash.GetHashAndReset())
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Walks one folder by hand, not with a recursive enumeration, so that a link (to a folder,
    /// perhaps one that contains itself) is seen and refused instead of followed.
    /// </summary>
    private static bool AddFolder(XxHash64 hash, string root, string folder, ref long total, int depth)
    {
        if (depth > 32) return false;
        // An array sorted in place, not LINQ: this runs first thing in a build with nothing
        // changed, where every generic type a method touches is start-up time.
        var entries = Directory.GetFileSystemEntries(folder, "*", new EnumerationOptions { AttributesToSkip = 0 });
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (new FileInfo(entry).LinkTarget is not null) return false;
            var kind = InputFiles.KindOf(entry);
            if (kind is not (InputFiles.Kind.File or InputFiles.Kind.Folder)) return false;
            var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
            if (kind == InputFiles.Kind.Folder)
            {
                Add(hash, "folder:" + relative, []);
                if (!AddFolder(hash, root, entry, ref total, depth + 1)) return false;
                continue;
            }
            var bytes = File.ReadAllBytes(entry);
            total += bytes.Length;
            if (total > MaxBytes) return false;
            Add(hash, "file:" + relative, bytes);
        }
        return true;
    }

    private static void Add(XxHash64 hash, string name, byte[] bytes)
    {
        hash.Append(Encoding.UTF8.GetBytes($"{name}\n{bytes.Length}\n"));
        hash.Append(bytes);
    }
}
