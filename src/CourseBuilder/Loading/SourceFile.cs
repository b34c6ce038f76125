using System.Text;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Loading;

/// <summary>Reads author files strictly as UTF-8, so a file saved in another encoding is reported rather than garbled.</summary>
public static class SourceFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly byte[] Utf16Le = [0xFF, 0xFE];
    private static readonly byte[] Utf16Be = [0xFE, 0xFF];

    public static string? ReadText(string path, DiagnosticBag diagnostics)
    {
        var bytes = InputFiles.ReadBytes(path, InputFiles.Current.TextBytes, diagnostics);
        if (bytes is null) return null;
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        // NUL bytes are valid UTF-8 but never in a text file: UTF-16 or UTF-32 without a byte
        // order mark decodes "successfully" into text full of them.
        if (bytes.AsSpan(start).Contains((byte)0) || bytes.AsSpan().StartsWith(Utf16Le) || bytes.AsSpan().StartsWith(Utf16Be))
        {
            diagnostics.Error(DiagnosticCode.InvalidUtf8, SourceLocation.File(path),
                "file is not valid UTF-8: it looks saved as UTF-16 or UTF-32 (it holds NUL bytes or a UTF-16 byte order mark); save it as UTF-8");
            return null;
        }
        string text;
        try
        {
            text = Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(start, ex.Index >= 0 ? start + ex.Index : FirstInvalid(bytes, start));
            var (line, column) = LineAndColumn(bytes, start, offset);
            diagnostics.Error(DiagnosticCode.InvalidUtf8, new SourceLocation(path, line, column),
                $"file is not valid UTF-8 (byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2}); save it as UTF-8");
            return null;
        }
        // Windows (CR LF) and classic Mac (CR alone) line ends both become LF, so front matter
        // and line numbers read the same whatever editor saved the file.
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return ReportControlCharacter(text, path, diagnostics) ? null : text;
    }

    /// <summary>
    /// A control character (other than tab and line end) is invisible in an editor, breaks the
    /// XML of a SCORM manifest and prints as a box in a PDF: refuse the first one, where it is.
    /// </summary>
    private static bool ReportControlCharacter(string text, string path, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsForbiddenControl(text[i])) continue;
            var line = 1 + text.AsSpan(0, i).Count('\n');
            var column = i - (text.LastIndexOf('\n', Math.Max(0, i - 1)) + 1) + 1;
            if (i > 0 && text[i - 1] == '\n') column = 1;
            diagnostics.Error(DiagnosticCode.ControlCharacter, new SourceLocation(path, line, column),
                $"control character U+{(int)text[i]:X4} in the text; delete it (it is invisible in most editors)");
            return true;
        }
        return false;
    }

    /// <summary>C0 controls other than tab and line feed, DEL and the C1 controls.</summary>
    public static bool IsForbiddenControl(char c) => char.IsControl(c) && c is not ('\t' or '\n');

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
