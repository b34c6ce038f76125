using System.IO.Compression;
using CourseBuilder.Html;
using CourseBuilder.Model;

namespace CourseBuilder.Scorm;

/// <summary>
/// Writes zips whose bytes depend only on their content: entries in a fixed order, one fixed
/// timestamp, one compression level, fixed file attributes and no directory entries. Builds
/// can then be compared by hash (build-report.json) and an unchanged module re-uploads as an
/// unchanged file. ZipArchive writes no extra fields, so nothing else varies between runs.
/// Bytes are identical for the same .NET runtime and OS: the "made by" byte names the OS, and
/// another zlib build may compress differently.
/// </summary>
public static class DeterministicZip
{
    /// <summary>SCORM wants the manifest at the root; first, so tools that peek at the start find it.</summary>
    public const string FirstEntry = "imsmanifest.xml";

    /// <summary>The earliest time a zip (MS-DOS date) can hold.</summary>
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Regular file, rw-r--r--, in the Unix half of the external attributes, so the value does not depend on the building machine's umask.</summary>
    private const int RegularFileAttributes = unchecked((int)0x81A4_0000);

    public static byte[] Create(IEnumerable<PackageFile> files, DateTimeOffset timestamp)
    {
        var ordered = files
            .OrderBy(f => f.Path == FirstEntry ? 0 : 1)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var duplicate = ordered.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"two package files share the path '{duplicate.Key}'");

        // The zip stores local clock time with 2-second precision; pinning the offset to zero
        // keeps the build machine's time zone out of the bytes.
        var stamp = timestamp.ToUniversalTime();
        if (stamp < DosEpoch) stamp = DosEpoch;
        stamp = new DateTimeOffset(stamp.Year, stamp.Month, stamp.Day, stamp.Hour, stamp.Minute, stamp.Second / 2 * 2, TimeSpan.Zero);

        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in ordered)
            {
                if (file.Path.Contains('\\') || file.Path.StartsWith('/'))
                    throw new InvalidOperationException($"package path '{file.Path}' must be relative and use '/'");
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                entry.ExternalAttributes = RegularFileAttributes;
                using var stream = entry.Open();
                stream.Write(file.Content);
            }
        }
        return memory.ToArray();
    }

    /// <summary>
    /// The packages' timestamp: SOURCE_DATE_EPOCH when set (the reproducible-builds convention),
    /// else midnight UTC of the course's release date.
    /// </summary>
    public static DateTimeOffset Timestamp(DateOnly releaseDate) => BuildDate.For(releaseDate);

    public static DateTimeOffset Timestamp(DateOnly releaseDate, string? sourceDateEpoch) => BuildDate.For(releaseDate, sourceDateEpoch);
}
