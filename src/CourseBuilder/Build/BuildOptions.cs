using CourseBuilder.Model;

namespace CourseBuilder.Build;

/// <param name="Formats">Outputs to build; null means course.yml's <c>outputs</c>.</param>
/// <param name="ModuleId">Build only this module (whole-course artifacts are skipped).</param>
/// <param name="UseCache">Reuse artifacts whose inputs did not change (false: --no-cache).</param>
/// <param name="ToolIdentity">Overrides the tool identity the cache is keyed on; tests use it to simulate a new version.</param>
/// <param name="Wait">While another build writes into the same output: wait for it (true) or refuse (false: --no-wait).</param>
/// <param name="Notice">Receives one-line notices as they happen: waiting for a lock, a damaged cache ignored, an output restored.</param>
public sealed record BuildOptions(
    string ContentDirectory,
    string OutputDirectory,
    IReadOnlyList<OutputFormat>? Formats = null,
    string? ModuleId = null,
    IBuildProgress? Progress = null,
    bool UseCache = true,
    string? ToolIdentity = null,
    bool Wait = true,
    Action<string>? Notice = null);

/// <summary>Progress of a build, per stage and module; the CLI shows it, tests ignore it.</summary>
public interface IBuildProgress
{
    void StageStarted(string stage, int steps);
    void StepDone(string stage, string item);
    void StageFinished(string stage);
}
