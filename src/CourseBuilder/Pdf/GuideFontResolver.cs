using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CourseBuilder.Pdf;

/// <summary>
/// Serves the fonts bundled in Pdf/Fonts (Open Sans for text, DejaVu Sans Mono for code) from the
/// assembly's resources. PDFsharp on Linux has no system font access, and bundling makes every
/// machine produce the same glyphs, metrics and bytes.
/// </summary>
public sealed class GuideFontResolver : IFontResolver
{
    public const string Sans = "CourseBuilder Sans";
    public const string Mono = "CourseBuilder Mono";

    private static readonly object InstallLock = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new();

    /// <summary>Makes this resolver PDFsharp's global one; safe to call from any thread, any number of times.</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is GuideFontResolver) return;
            GlobalFontSettings.FontResolver = new GuideFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, Mono, StringComparison.OrdinalIgnoreCase))
            return new FontResolverInfo(MonoFace, bold, italic); // one mono face; PDFsharp simulates styles
        return new FontResolverInfo(SansFace(bold, italic));
    }

    public const string MonoFace = "DejaVuSansMono";

    public static string SansFace(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => "OpenSans-BoldItalic",
        (true, false) => "OpenSans-Bold",
        (false, true) => "OpenSans-Italic",
        _ => "OpenSans-Regular",
    };

    public byte[]? GetFont(string faceName) => FaceBytes(faceName);

    /// <summary>The TrueType file of a bundled face, e.g. "OpenSans-Bold".</summary>
    public static byte[] FaceBytes(string faceName) =>
        Faces.GetOrAdd(faceName, static name => EmbeddedFiles.Read($"CourseBuilder.Pdf.Fonts.{name}.ttf"));
}
