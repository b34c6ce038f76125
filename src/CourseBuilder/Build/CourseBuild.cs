using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using CourseBuilder.Diagnostics;
using CourseBuilder.Html;
using CourseBuilder.Loading;
using CourseBuilder.Model;
using CourseBuilder.Scorm;

namespace CourseBuilder.Build;

/// <summary>Thrown for a request that cannot be carried out as asked (an unknown --module id); the CLI exits with 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The build orchestration: load and check the content, then render every requested output for
/// each module (in parallel) and for the whole course, into a staging folder that replaces
/// the output folder only when everything succeeded.
/// </summary>
public static class CourseBuild
{
    /// <summary>Loads and checks the content; writes nothing.</summary>
    public static BuildResult Check(string contentDirectory)
    {
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        CourseLoader.Load(contentDirectory, diagnostics);
        return new BuildResult(diagnostics.Sorted(), [], stopwatch.Elapsed);
    }

    public static BuildResult Run(BuildOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var progress = options.Progress;
        progress?.StageStarted("Load", 1);
        var course = CourseLoader.Load(options.ContentDirectory, diagnostics);
        progress?.StageFinished("Load");
        if (course is null || diagnostics.HasErrors)
            return new BuildResult(diagnostics.Sorted(), [], stopwatch.Elapsed);

        var modules = course.Modules;
        if (options.ModuleId is { } only)
        {
            modules = course.Modules.Where(m => m.Id == only).ToList();
            if (modules.Count == 0)
                throw new UsageException($"no module with id '{only}'; the modules are: {string.Join(", ", course.Modules.Select(m => m.Id))}");
        }
        var formats = options.Formats ?? course.Outputs;
        // Whole-course artifacts need every module, so --module builds that module alone.
        var scopes = modules.Select(m => (Module?)m).ToList();
        if (options.ModuleId is null) scopes.Add(null);

        using var staging = new Staging(options.OutputDirectory);
        var artifacts = new ConcurrentBag<Artifact>();
        void Emit(string kind, Module? module, string relativePath, byte[] content)
        {
            File.WriteAllBytes(staging.PathOf(relativePath), content);
            artifacts.Add(new Artifact(kind, module?.Id, relativePath.Replace('\\', '/'), content.LongLength,
                Convert.ToHexStringLower(SHA256.HashData(content))));
        }

        var templates = new TemplateEngine(course.ContentDirectory);
        var html = new HtmlStage(course, templates);
        progress?.StageStarted("Render", scopes.Count);
        Parallel.ForEach(scopes, scope =>
        {
            var files = html.Render(scope);
            if (formats.Contains(OutputFormat.Html))
                foreach (var file in files)
                    Emit(ArtifactKind.Html, scope, $"{ArtifactPaths.HtmlFolder(scope)}/{file.Path}", file.Content);
            if (formats.Contains(OutputFormat.Scorm12))
                Emit(ArtifactKind.Scorm12, scope, ArtifactPaths.ScormZip(course, scope, ScormStage.FormatName(ScormVersion.Scorm12)),
                    ScormStage.Package(course, scope, files, ScormVersion.Scorm12));
            if (formats.Contains(OutputFormat.Scorm2004))
                Emit(ArtifactKind.Scorm2004, scope, ArtifactPaths.ScormZip(course, scope, ScormStage.FormatName(ScormVersion.Scorm2004)),
                    ScormStage.Package(course, scope, files, ScormVersion.Scorm2004));
            progress?.StepDone("Render", scope?.Id ?? "whole course");
        });
        progress?.StageFinished("Render");

        var sorted = artifacts.OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
        var results = diagnostics.Sorted();
        File.WriteAllBytes(staging.PathOf(BuildReport.FileName),
            BuildReport.Serialize(course.Id, course.ContentDirectory, stopwatch.Elapsed, sorted, results));
        staging.Commit();
        return new BuildResult(results, sorted, stopwatch.Elapsed);
    }
}

/// <summary>Where each artifact lands under the output folder.</summary>
public static class ArtifactPaths
{
    public static string HtmlFolder(Module? module) => module is null ? "html/course" : $"html/modules/{module.Id}";
    public static string ScormZip(Course course, Module? module, string version) =>
        $"{version}/{course.Id}{(module is null ? "" : "-" + module.Id)}-{version}.zip";
    public static string Guide(Course course, Module? module, string audience) =>
        $"pdf/{course.Id}{(module is null ? "" : "-" + module.Id)}-{audience}-guide.pdf";
}
