using CourseBuilder.Diagnostics;

namespace CourseBuilder.Build;

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<Artifact> Artifacts,
    TimeSpan Duration)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
