using System.Text.Json;
using CourseBuilder.Build;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Serve;

/// <summary>
/// What the served pages need to know about the builds: a counter of builds, the number of the
/// last one that succeeded and changed the output (a page showing an older one reloads), and the
/// diagnostics of the latest (the overlay lists them while it has errors).
/// </summary>
public sealed class BuildStatus
{
    private readonly object _lock = new();
    private readonly string _baseDirectory;
    private int _build;
    private int _good;
    private bool _ok = true;
    private IReadOnlyList<Diagnostic> _diagnostics = [];
    private string? _failure;

    /// <param name="baseDirectory">Diagnostic paths are shown relative to it, as the CLI prints them.</param>
    public BuildStatus(string baseDirectory) => _baseDirectory = baseDirectory;

    /// <summary>The number of the last successful build that changed the output; 0 before the first.</summary>
    public int Good { get { lock (_lock) return _good; } }

    /// <summary>Raised after every build with the new status JSON (the event stream forwards it).</summary>
    public event Action<string>? Changed;

    public void Record(BuildResult result)
    {
        lock (_lock)
        {
            _build++;
            _ok = result.Succeeded;
            _failure = null;
            _diagnostics = result.Diagnostics;
            // An up-to-date build after a first one changes nothing the pages show.
            if (result.Succeeded && (!result.UpToDate || _good == 0)) _good = _build;
        }
        Changed?.Invoke(Json());
    }

    public void RecordFailure(Exception failure)
    {
        lock (_lock)
        {
            _build++;
            _ok = false;
            _diagnostics = [];
            _failure = $"build failed: {failure.Message}; waiting for the next change";
        }
        Changed?.Invoke(Json());
    }

    /// <summary>Relative to the base folder when the file is under it, as the CLI shows it; else the full path.</summary>
    private string Shown(string path)
    {
        if (!Path.IsPathRooted(path)) return path;
        var relative = Path.GetRelativePath(_baseDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>{"build", "good", "ok", "errors", "warnings", "diagnostics": [{text, path, line, column, severity, code, message}]}.</summary>
    public string Json()
    {
        lock (_lock)
        {
            var diagnostics = _diagnostics.Select(d => new
            {
                text = d.Format(Shown(d.Location.Path) == d.Location.Path ? null : _baseDirectory),
                path = Shown(d.Location.Path),
                line = d.Location.Line,
                column = d.Location.Column,
                severity = d.IsError ? "error" : "warning",
                code = d.Code,
                message = d.Message,
            }).ToList();
            if (_failure is not null)
                diagnostics.Add(new { text = _failure, path = "", line = 0, column = 0, severity = "error", code = "", message = _failure });
            return JsonSerializer.Serialize(new
            {
                build = _build,
                good = _good,
                ok = _ok,
                errors = diagnostics.Count(d => d.severity == "error"),
                warnings = diagnostics.Count(d => d.severity == "warning"),
                diagnostics,
            });
        }
    }
}
