using System.Runtime.InteropServices;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Loading;

/// <summary>
/// The one gate every author file passes before it is read: what kind of entry it is (a FIFO
/// would block a read forever, a device could stream without end, a symbolic link may point
/// anywhere or at itself), where its links really lead (containment is judged on the resolved
/// path, so a link cannot smuggle a file from outside the content folder into a package), and
/// whether it is small enough to read.
/// </summary>
public static partial class InputFiles
{
    public enum Kind { Missing, File, Folder, Special, LinkLoop }

    /// <summary>The size limits course.yml sets (or the defaults), in bytes.</summary>
    public sealed record Limits(long TextBytes, long AssetBytes)
    {
        public static readonly Limits Default = new(10L << 20, 20L << 20);
    }

    // The limits are ambient so that every reader (course.yml, module.yml, lessons, images) sees
    // the course's own without threading a parameter through each loader's signature; the value
    // flows into the loader's parallel tasks with the execution context.
    private static readonly AsyncLocal<Limits?> CurrentLimits = new();

    public static Limits Current => CurrentLimits.Value ?? Limits.Default;

    internal static void Use(Limits limits) => CurrentLimits.Value = limits;

    /// <summary>More link hops than any real setup needs; Linux itself gives up after 40.</summary>
    private const int MaxLinkHops = 40;

    /// <summary>
    /// The path with every symbolic link in it resolved, like realpath(3), or null when the links
    /// form a loop. The path need not exist: the part that does not is kept as written.
    /// </summary>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "";
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                target = null;
            }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops) return null;
            string[] parts;
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
                parts = target[current.Length..].Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
            }
            else
            {
                parts = target.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
            }
            for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/>, links resolved, is inside <paramref name="root"/> (links resolved too).</summary>
    public static bool IsInside(string path, string root)
    {
        var resolvedRoot = Resolve(root);
        var resolved = Resolve(path);
        if (resolvedRoot is null || resolved is null) return false;
        var prefix = resolvedRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return resolved.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>What the entry is once its links are followed; never opens it, so a FIFO cannot block.</summary>
    public static Kind KindOf(string path)
    {
        FileSystemInfo info = new FileInfo(path);
        try
        {
            if (info.LinkTarget is not null)
            {
                if (Resolve(path) is not { } target) return Kind.LinkLoop;
                info = new FileInfo(target);
            }
        }
        catch (IOException)
        {
            return Kind.LinkLoop;
        }
        if (Directory.Exists(info.FullName)) return Kind.Folder;
        if (!info.Exists) return Kind.Missing;
        return UnixFileType(info.FullName) is { } type && type != RegularFile ? Kind.Special : Kind.File;
    }

    /// <summary>
    /// The file's bytes, or null with a diagnostic when it is not a regular file, is larger than
    /// <paramref name="limit"/> or cannot be read. <paramref name="at"/> is where to report (the file itself by default).
    /// </summary>
    public static byte[]? ReadBytes(string path, long limit, DiagnosticBag diagnostics, SourceLocation? at = null)
    {
        var where = at ?? SourceLocation.File(path);
        if (!Refuse(path, where, diagnostics)) return null;
        var length = new FileInfo(path).Length;
        if (length > limit)
        {
            diagnostics.Error(DiagnosticCode.FileTooLarge, where, TooLarge(path, length, limit));
            return null;
        }
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCode.UnreadableFile, where, $"'{Path.GetFileName(path)}' cannot be read: {Reason(e)}");
            return null;
        }
    }

    /// <summary>
    /// True when a file the build will copy (an image, a linked handout) is a regular file within
    /// the asset size limit; otherwise reports why not. Nothing is opened.
    /// </summary>
    public static bool IsUsableAsset(string path, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (!Refuse(path, at, diagnostics)) return false;
        var length = new FileInfo(path).Length;
        if (length <= Current.AssetBytes) return true;
        diagnostics.Error(DiagnosticCode.FileTooLarge, at, TooLarge(path, length, Current.AssetBytes));
        return false;
    }

    /// <summary>True when the entry is a regular file (links followed); otherwise reports why not.</summary>
    private static bool Refuse(string path, SourceLocation where, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileName(path);
        switch (KindOf(path))
        {
            case Kind.File: return true;
            case Kind.LinkLoop:
                diagnostics.Error(DiagnosticCode.UnreadableFile, where, $"'{name}' is a symbolic link that loops back on itself");
                return false;
            case Kind.Special:
                diagnostics.Error(DiagnosticCode.UnreadableFile, where, $"'{name}' is not a regular file (a pipe, socket or device); remove it from the content folder");
                return false;
            case Kind.Folder:
                diagnostics.Error(DiagnosticCode.UnreadableFile, where, $"'{name}' is a folder where a file was expected");
                return false;
            default:
                diagnostics.Error(DiagnosticCode.UnreadableFile, where, $"'{name}' cannot be read: it does not exist (a symbolic link to a missing file?)");
                return false;
        }
    }

    /// <summary>
    /// Reports what in a folder (and its subfolders) the build could not read safely: pipes,
    /// sockets and devices, links that loop or lead nowhere, links to folders (a build walks
    /// folders and would follow them) and files over the size limit. Nothing is opened.
    /// </summary>
    public static void CheckFolder(string folder, DiagnosticBag diagnostics, int depth = 0)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCode.UnreadableFile, SourceLocation.File(folder), $"folder '{Path.GetFileName(folder)}' cannot be read: {Reason(e)}");
            return;
        }
        foreach (var entry in entries)
        {
            var at = SourceLocation.File(entry);
            var name = Path.GetFileName(entry);
            var isLink = new FileInfo(entry).LinkTarget is not null;
            switch (KindOf(entry))
            {
                case Kind.Folder when isLink:
                    diagnostics.Error(DiagnosticCode.UnreadableFile, at, $"'{name}' is a symbolic link to a folder; copy the folder in instead");
                    break;
                case Kind.Folder when depth >= 16:
                    diagnostics.Error(DiagnosticCode.UnreadableFile, at, $"'{name}' is nested more than 16 folders deep");
                    break;
                case Kind.Folder:
                    CheckFolder(entry, diagnostics, depth + 1);
                    break;
                case Kind.File:
                    var length = new FileInfo(entry).Length;
                    var limit = IsText(entry) ? Current.TextBytes : Current.AssetBytes;
                    if (length > limit) diagnostics.Error(DiagnosticCode.FileTooLarge, at, TooLarge(entry, length, limit));
                    break;
                case Kind.Missing when isLink:
                    diagnostics.Error(DiagnosticCode.UnreadableFile, at, $"'{name}' is a symbolic link to a file that does not exist");
                    break;
                case Kind.Missing:
                    break; // removed while we looked
                default:
                    Refuse(entry, at, diagnostics);
                    break;
            }
        }
    }

    public static bool IsText(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md" or ".yml" or ".yaml";

    private static string TooLarge(string path, long length, long limit) =>
        $"'{Path.GetFileName(path)}' is {Megabytes(length)} MB, over the limit of {Megabytes(limit)} MB " +
        $"(raise it with '{(IsText(path) ? "max-file-size" : "max-asset-size")}' in course.yml if the file is meant to be this large)";

    private static string Megabytes(long bytes) =>
        (bytes / 1048576.0).ToString(bytes % 1048576 == 0 ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        // .NET appends " : 'full path'" to system errors; the diagnostic names the file already.
        _ => e.Message.IndexOf(" : '", StringComparison.Ordinal) is var cut and > 0 ? e.Message[..cut] : e.Message,
    };

    // File types as .NET's own native shim reports them (the PAL values, the same on every Unix).
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    // A source-generated stub (LibraryImport, not DllImport): compiled ahead of time with the
    // tool, where DllImport's stub is generated at run time, on every build's first file.
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, out FileStatus status);

    /// <summary>
    /// The file type bits from stat(2), through the same native shim .NET's File APIs use; .NET
    /// has no public API that tells a FIFO or device from a regular file. Null on Windows (which
    /// has no such entries in a folder) or if the shim cannot be called.
    /// </summary>
    private static int? UnixFileType(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            return Stat(path, out var status) == 0 ? status.Mode & TypeMask : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
