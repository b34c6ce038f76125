using System.Buffers.Binary;

namespace CourseBuilder.Pdf;

/// <summary>
/// Advance widths straight from a TrueType font's cmap and hmtx tables. Measuring through
/// PDFsharp costs tens of microseconds a string, which dominated layout; summing advances is what
/// PDFsharp itself does when it places text (it does not kern), so the widths agree.
/// </summary>
public sealed class TrueTypeMetrics
{
    private readonly ushort[] _advanceByChar = new ushort[65536];
    private readonly System.Collections.BitArray _hasGlyph = new(65536);

    public TrueTypeMetrics(byte[] font)
    {
        var tables = Tables(font);
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["head"] + 18));
        var metricsCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["hhea"] + 34));
        var hmtx = tables["hmtx"];
        ushort Advance(int glyph) => BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(hmtx + 4 * Math.Min(glyph, metricsCount - 1)));
        var glyphs = CharToGlyph(font, tables["cmap"]);
        for (var c = 0; c < 65536; c++)
        {
            _advanceByChar[c] = Advance(glyphs[c]);
            _hasGlyph[c] = glyphs[c] != 0;
        }
    }

    /// <summary>Whether the font's character map gives the character a glyph of its own (not the empty box).</summary>
    public bool HasGlyph(char c) => _hasGlyph[c];

    public int UnitsPerEm { get; }

    /// <summary>Width of the text in points at the given size.</summary>
    public double Width(ReadOnlySpan<char> text, double size)
    {
        long units = 0;
        foreach (var c in text) units += _advanceByChar[c];
        return units * size / UnitsPerEm;
    }

    private static Dictionary<string, int> Tables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            var tag = System.Text.Encoding.ASCII.GetString(font, record, 4);
            tables[tag] = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
        }
        return tables;
    }

    /// <summary>The BMP part of the Unicode cmap (platform 3, encoding 1, format 4); unmapped characters get glyph 0.</summary>
    private static ushort[] CharToGlyph(byte[] font, int cmap)
    {
        var glyphs = new ushort[65536];
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        var subtable = -1;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + 8 * i;
            var platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(record));
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(record + 2));
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 4));
            if (BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset)) != 4) continue;
            if (platform == 3 && encoding == 1 || platform == 0 && subtable < 0) subtable = offset;
        }
        if (subtable < 0) throw new InvalidOperationException("font has no format 4 Unicode cmap");
        var segments = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(subtable + 6)) / 2;
        var ends = subtable + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(ends + 2 * s));
            int start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(starts + 2 * s));
            var delta = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(deltas + 2 * s));
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(rangeOffsets + 2 * s));
            for (var c = start; c <= end && c < 65536; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    var at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                glyphs[c] = (ushort)glyph;
            }
        }
        return glyphs;
    }
}
