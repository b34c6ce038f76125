using CourseBuilder.Diagnostics;

namespace CourseBuilder.Build;

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<Artifact> Artifacts,
    TimeSpan Duration)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>True when nothing changed since the last build: the output folder was left untouched.</summary>
    public bool UpToDate { get; init; }

    /// <summary>The scopes built afresh (module ids, and "(course)" for the whole course); the rest came from the cache.</summary>
    public IReadOnlyList<string> RebuiltScopes { get; init; } = [];
}
