using System.Collections.Concurrent;

namespace CourseBuilder.Diagnostics;

/// <summary>Collects every problem of a run, so an author sees them all at once. Thread-safe: modules load in parallel.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(DiagnosticCode code, SourceLocation at, string message) =>
        Add(new Diagnostic(Severity.Error, code.Id, message, at));

    public void Warning(DiagnosticCode code, SourceLocation at, string message) =>
        Add(new Diagnostic(Severity.Warning, code.Id, message, at));

    public void Report(DiagnosticCode code, SourceLocation at, string message) =>
        Add(new Diagnostic(code.DefaultSeverity, code.Id, message, at));

    public bool HasErrors => _items.Any(d => d.IsError);
    public int ErrorCount => _items.Count(d => d.IsError);
    public int WarningCount => _items.Count(d => !d.IsError);

    /// <summary>Sorted by file, line and column, so output is the same whatever order modules finished in.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Location.Path, StringComparer.Ordinal)
              .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
              .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
              .Distinct()
              .ToList();
}
