using CourseBuilder.Build;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Cli;

/// <summary>
/// <c>--strict</c>: warnings count as errors, so a course repository's CI fails on an item-writing
/// warning as it does on an error. The codes stay the same; only the severity changes.
/// </summary>
internal static class StrictMode
{
    public static BuildResult Apply(BuildResult result) => result with
    {
        Diagnostics = result.Diagnostics.Select(d => d.IsError ? d : d with { Severity = Severity.Error }).ToList(),
    };

    /// <summary>
    /// For <c>build --strict</c>: checks first and, when there is any warning, reports it as an
    /// error and returns the failed result, so the build writes nothing and the previous output
    /// stays as it was. Null when the build may go on.
    /// </summary>
    public static BuildResult? BlockBuild(string contentDirectory)
    {
        var check = CourseBuild.Check(contentDirectory);
        return check.Diagnostics.Any(d => !d.IsError) ? Apply(check) : null;
    }
}
