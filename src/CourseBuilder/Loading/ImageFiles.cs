using System.Xml;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Loading;

/// <summary>
/// Checks that an image the course uses is what its name says and complete: an empty or cut-off
/// file (a failed download, a sync conflict) shows as a broken picture in the player and can
/// stop the PDF guide. Only the signature and the end marker are read, not the whole picture.
/// SVG is read as XML, with the same nesting limit as the PDF's drawing of it.
/// </summary>
internal static class ImageFiles
{
    public const int MaxSvgDepth = 64;

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegEnd = [0xFF, 0xD9];

    /// <summary>False (reported at <paramref name="at"/>, or in the SVG file) when the image cannot be used.</summary>
    public static bool Check(string fullPath, string shownName, SourceLocation at, DiagnosticBag diagnostics)
    {
        var bytes = InputFiles.ReadBytes(fullPath, InputFiles.Current.AssetBytes, diagnostics, at);
        if (bytes is null) return false;
        if (bytes.Length == 0)
        {
            diagnostics.Error(DiagnosticCode.DamagedImage, at, $"image '{shownName}' is an empty file (0 bytes); save the picture again");
            return false;
        }
        var problem = Path.GetExtension(fullPath).ToLowerInvariant() switch
        {
            ".png" => Png(bytes),
            ".jpg" or ".jpeg" => Jpeg(bytes),
            ".gif" => Gif(bytes),
            ".webp" => WebP(bytes),
            ".svg" => Svg(bytes, fullPath, diagnostics),
            _ => null,
        };
        if (problem is null) return true;
        if (problem.Length > 0) diagnostics.Error(DiagnosticCode.DamagedImage, at, $"image '{shownName}' {problem}; save the picture again");
        return false;
    }

    private static string? Png(byte[] b)
    {
        if (!b.AsSpan().StartsWith(PngSignature)) return "is not a PNG file";
        // The IEND chunk closes every complete PNG: its type and CRC are the file's last 8 bytes.
        return b.Length >= 20 && b.AsSpan(b.Length - 8, 4).SequenceEqual("IEND"u8) ? null : "is cut off (its PNG end marker is missing)";
    }

    private static string? Jpeg(byte[] b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8 || b[2] != 0xFF) return "is not a JPEG file";
        // The end-of-image marker; some cameras pad after it, so look near the end.
        var tail = b.AsSpan(Math.Max(2, b.Length - 64));
        return tail.IndexOf(JpegEnd) >= 0 ? null : "is cut off (its JPEG end marker is missing)";
    }

    private static string? Gif(byte[] b)
    {
        if (!b.AsSpan().StartsWith("GIF87a"u8) && !b.AsSpan().StartsWith("GIF89a"u8)) return "is not a GIF file";
        return b.Length > 13 && b[^1] == 0x3B ? null : "is cut off (its GIF trailer is missing)";
    }

    private static string? WebP(byte[] b)
    {
        if (b.Length < 12 || !b.AsSpan().StartsWith("RIFF"u8) || !b.AsSpan(8, 4).SequenceEqual("WEBP"u8)) return "is not a WebP file";
        var declared = BitConverter.ToUInt32(b, 4) + 8L;
        return declared <= b.Length ? null : "is cut off (shorter than its WebP header says)";
    }

    /// <summary>Null when the SVG is well-formed with an svg root; "" when a diagnostic was already reported in the SVG file.</summary>
    private static string? Svg(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (!sawRoot && reader.LocalName != "svg") return "is not an SVG picture (its first element is not <svg>)";
                sawRoot = true;
                if (reader.Depth >= MaxSvgDepth)
                {
                    var info = (IXmlLineInfo)reader;
                    diagnostics.Error(DiagnosticCode.NestedTooDeeply, new SourceLocation(path, info.LineNumber, info.LinePosition),
                        $"SVG elements are nested more than {MaxSvgDepth} levels deep here; flatten the groups");
                    return "";
                }
            }
            return sawRoot ? null : "is not an SVG picture (it has no <svg> element)";
        }
        catch (XmlException e)
        {
            diagnostics.Error(DiagnosticCode.DamagedImage, new SourceLocation(path, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)),
                $"SVG image is not well-formed XML: {e.Message}");
            return "";
        }
    }
}
