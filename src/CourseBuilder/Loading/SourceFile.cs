using System.Text;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Loading;

/// <summary>Reads author files strictly as UTF-8, so a file saved in another encoding is reported rather than garbled.</summary>
public static class SourceFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? ReadText(string path, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCode.MissingFile, SourceLocation.File(path), $"cannot read file: {ex.Message}");
            return null;
        }
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            return Strict.GetString(bytes, start, bytes.Length - start).Replace("\r\n", "\n");
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(start, ex.Index >= 0 ? start + ex.Index : FirstInvalid(bytes, start));
            var (line, column) = LineAndColumn(bytes, start, offset);
            diagnostics.Error(DiagnosticCode.InvalidUtf8, new SourceLocation(path, line, column),
                $"file is not valid UTF-8 (byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2}); save it as UTF-8");
            return null;
        }
    }

    private static int FirstInvalid(byte[] bytes, int start)
    {
        for (var i = start; i < bytes.Length; i++)
        {
            try { Strict.GetString(bytes, start, i - start + 1); }
            catch (DecoderFallbackException) { return i; }
        }
        return bytes.Length - 1;
    }

    private static (int Line, int Column) LineAndColumn(byte[] bytes, int start, int offset)
    {
        int line = 1, column = 1;
        for (var i = start; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; column = 1; }
            else if ((bytes[i] & 0xC0) != 0x80) column++;
        }
        return (line, column);
    }
}
