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
        return $"{path}:{Location.Line}:{Location.Column}: {kind} {Code}: {Message}";
    }

    public override string ToString() => Format();
}
