namespace CourseBuilder.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A position in an author's file; line and column are 1-based, as editors show them.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 1, 1);
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>One problem found in the author's content, printed in the compiler format.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary><c>path:line:col: error CB0001: message</c>, with the path relative to <paramref name="baseDirectory"/> when given.</summary>
    public string Format(string? baseDirectory = null)
    {
        var path = Location.Path;
        if (baseDirectory is not null && System.IO.Path.IsPathRooted(path))
            path = System.IO.Path.GetRelativePath(baseDirectory, path);
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{Printable(path)}:{Location.Line}:{Location.Column}: {kind} {Code}: {Printable(Message)}";
    }

    /// <summary>
    /// The text with control characters and bidirectional overrides written as <c>\u001B</c>:
    /// an author's id or file name must not move the cursor, recolour or clear a terminal, or
    /// reorder what a reader sees.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
            sb.Append(NeedsEscape(c) ? $"\\u{(int)c:X4}" : c.ToString());
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public override string ToString() => Format();
}
