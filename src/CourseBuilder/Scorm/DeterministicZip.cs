using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using CourseBuilder.Html;
using CourseBuilder.Model;

namespace CourseBuilder.Scorm;

/// <summary>
/// Writes zips whose bytes depend only on their content: entries in a fixed order, one fixed
/// timestamp, one compression level, fixed file attributes, no extra fields and no directory
/// entries. Builds can then be compared by hash (build-report.json) and an unchanged module
/// re-uploads as an unchanged file. The writer is our own (PKWARE APPNOTE 6.3: local headers
/// with sizes, central directory, end record) so that a file every package carries (the
/// runtime, the schemas) is compressed once per build, not once per package, and so that no
/// byte depends on the building OS. An entry that deflate would not shrink (a PNG) is stored.
/// </summary>
public static class DeterministicZip
{
    /// <summary>SCORM wants the manifest at the root; first, so tools that peek at the start find it.</summary>
    public const string FirstEntry = "imsmanifest.xml";

    /// <summary>The earliest time a zip (MS-DOS date) can hold.</summary>
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Regular file, rw-r--r--, in the Unix half of the external attributes, so the value does not depend on the building machine's umask.</summary>
    private const uint RegularFileAttributes = 0x81A4_0000;

    /// <summary>"Made by" Unix (3), zip spec 2.0, matching the Unix-style attributes above.</summary>
    private const ushort MadeBy = (3 << 8) | 20;

    private const ushort Stored = 0, Deflated = 8;
    private const ushort Utf8Names = 1 << 11;

    private sealed record CompressedBody(ushort Method, uint Crc, byte[] Data);

    /// <summary>
    /// Compressed bodies by content array: the runtime and schema arrays are shared by every
    /// package of a build, and a module's files by its SCORM 1.2 and 2004 packages. Arrays are
    /// never modified once built, so the same array always has the same body.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], CompressedBody> Bodies = new();

    public static byte[] Create(IEnumerable<PackageFile> files, DateTimeOffset timestamp)
    {
        var ordered = files
            .OrderBy(f => f.Path == FirstEntry ? 0 : 1)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var duplicate = ordered.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"two package files share the path '{duplicate.Key}'");
        if (ordered.Count > ushort.MaxValue)
            throw new InvalidOperationException($"a package holds at most {ushort.MaxValue} files; this one has {ordered.Count}");
        var (dosTime, dosDate) = DosStamp(timestamp);

        using var output = new MemoryStream();
        using var central = new MemoryStream();
        Span<byte> local = stackalloc byte[30];
        Span<byte> entry = stackalloc byte[46];
        foreach (var file in ordered)
        {
            if (file.Path.Contains('\\') || file.Path.StartsWith('/'))
                throw new InvalidOperationException($"package path '{file.Path}' must be relative and use '/'");
            var name = Encoding.UTF8.GetBytes(file.Path);
            var flags = name.Length == file.Path.Length ? (ushort)0 : Utf8Names;
            var body = Bodies.GetValue(file.Content, Compress);
            var offset = output.Position;
            if (offset > uint.MaxValue || file.Content.LongLength > uint.MaxValue)
                throw new InvalidOperationException("a package over 4 GiB needs Zip64, which SCORM packages never should");
            var version = body.Method == Deflated ? (ushort)20 : (ushort)10;

            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(local[4..], version);
            BinaryPrimitives.WriteUInt16LittleEndian(local[6..], flags);
            BinaryPrimitives.WriteUInt16LittleEndian(local[8..], body.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(local[10..], dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(local[12..], dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(local[14..], body.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(local[18..], (uint)body.Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(local[22..], (uint)file.Content.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local[26..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local[28..], 0); // no extra field
            output.Write(local);
            output.Write(name);
            output.Write(body.Data);

            BinaryPrimitives.WriteUInt32LittleEndian(entry, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[4..], MadeBy);
            local[4..28].CopyTo(entry[6..]); // version needed … name length: as in the local header
            BinaryPrimitives.WriteUInt16LittleEndian(entry[30..], 0); // extra field length
            BinaryPrimitives.WriteUInt16LittleEndian(entry[32..], 0); // comment length
            BinaryPrimitives.WriteUInt16LittleEndian(entry[34..], 0); // disk number
            BinaryPrimitives.WriteUInt16LittleEndian(entry[36..], 0); // internal attributes
            BinaryPrimitives.WriteUInt32LittleEndian(entry[38..], RegularFileAttributes);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[42..], (uint)offset);
            central.Write(entry);
            central.Write(name);
        }

        var directoryOffset = output.Position;
        central.WriteTo(output);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)ordered.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)ordered.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directoryOffset);
        output.Write(end); // disk numbers and comment length stay zero
        return output.ToArray();
    }

    private static CompressedBody Compress(byte[] content)
    {
        var crc = Crc32.HashToUInt32(content);
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(content);
        return deflated.Length < content.Length
            ? new CompressedBody(Deflated, crc, deflated.ToArray())
            : new CompressedBody(Stored, crc, content);
    }

    /// <summary>
    /// The zip stores local clock time with 2-second precision; pinning the offset to zero keeps
    /// the build machine's time zone out of the bytes.
    /// </summary>
    private static (ushort Time, ushort Date) DosStamp(DateTimeOffset timestamp)
    {
        var stamp = timestamp.ToUniversalTime();
        if (stamp < DosEpoch) stamp = DosEpoch;
        if (stamp.Year > 2107) stamp = new DateTimeOffset(2107, 12, 31, 23, 59, 58, TimeSpan.Zero);
        return ((ushort)((stamp.Hour << 11) | (stamp.Minute << 5) | (stamp.Second / 2)),
            (ushort)(((stamp.Year - 1980) << 9) | (stamp.Month << 5) | stamp.Day));
    }

    /// <summary>
    /// The packages' timestamp: SOURCE_DATE_EPOCH when set (the reproducible-builds convention),
    /// else midnight UTC of the course's release date.
    /// </summary>
    public static DateTimeOffset Timestamp(DateOnly releaseDate) => BuildDate.For(releaseDate);

    public static DateTimeOffset Timestamp(DateOnly releaseDate, string? sourceDateEpoch) => BuildDate.For(releaseDate, sourceDateEpoch);
}
