using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using CourseBuilder.CommonCartridge;
using CourseBuilder.Diagnostics;
using CourseBuilder.Html;
using CourseBuilder.Loading;
using CourseBuilder.Model;
using CourseBuilder.MoodleXml;
using CourseBuilder.Pdf;
using CourseBuilder.Qti;
using CourseBuilder.Scorm;

namespace CourseBuilder.Build;

/// <summary>
/// Thrown for a request that cannot be carried out as asked (an unknown --module id, an output
/// folder the build may not replace, a lock held with --no-wait); the CLI exits with 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The build orchestration: load and check the content, then render every requested output for
/// each module (in parallel) and for the whole course, into a staging folder that replaces
/// the output folder only when everything succeeded.
///
/// Before anything is written, <see cref="OutputGuard"/> decides whether the output folder may
/// be replaced at all, and the rest runs under the output's <see cref="BuildLock"/>. A partial
/// build (--module, --format) replaces only the artifacts it builds and carries every other
/// artifact of the previous output over, so the new build-report.json lists them all.
/// </summary>
public static class CourseBuild
{
    /// <summary>Loads and checks the content; writes nothing.</summary>
    public static BuildResult Check(string contentDirectory)
    {
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        LoadAndCheck(contentDirectory, diagnostics);
        return new BuildResult(diagnostics.Sorted(), [], stopwatch.Elapsed);
    }

    /// <summary>Everything <c>check</c> reports: the content, then the course's template overrides.</summary>
    private static (Course? Course, TemplateEngine? Templates) LoadAndCheck(string contentDirectory, DiagnosticBag diagnostics)
    {
        var course = LoadStage.Load(contentDirectory, diagnostics);
        if (course is null) return (null, null);
        var templates = new TemplateEngine(course.ContentDirectory);
        templates.Check(course, diagnostics);
        return (course, templates);
    }

    public static BuildResult Run(BuildOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var shown = options.OutputDirectory;
        var output = OutputGuard.CheckTarget(options.ContentDirectory, options.OutputDirectory);
        var fullBuild = options.ModuleId is null && options.Formats is null;
        var toolIdentity = options.ToolIdentity ?? InputHasher.DefaultToolIdentity;
        // Taken for every full build, --no-cache too, so that the next build can compare with it.
        var fingerprint = fullBuild
            ? ContentFingerprint.Compute(options.ContentDirectory, $"{Path.GetFullPath(options.ContentDirectory)}|{toolIdentity}")
            : null;
        // An interrupted swap left work to finish (under the lock, below): no shortcut then.
        if (options.UseCache && fingerprint is not null && !Directory.Exists(Staging.PreviousOf(output))
            && UpToDateRecord.Read(output) is { } record && record.Fingerprint == fingerprint
            && OutputDigest.Of(output, record.Artifacts) == record.OutputDigest)
            return new BuildResult(record.Diagnostics, record.Artifacts, stopwatch.Elapsed) { UpToDate = true };
        var diagnostics = new DiagnosticBag();
        var progress = options.Progress;
        progress?.StageStarted("Load", 1);
        var (course, templates) = LoadAndCheck(options.ContentDirectory, diagnostics);
        progress?.StageFinished("Load");
        if (course is null || templates is null || diagnostics.HasErrors)
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
        var partial = options.ModuleId is not null || options.Formats is not null;

        using var buildLock = BuildLock.Acquire(Staging.WorkFolderOf(output), shown, options.Wait, options.Notice);
        if (Staging.Recover(output, shown) is { } restored) options.Notice?.Invoke(restored);
        OutputGuard.CheckOwned(output, shown);

        var hasher = new InputHasher(course, formats, toolIdentity, templates);
        var moduleHashes = course.Modules.ToDictionary(m => m.Id, hasher.Module);
        string ScopeKey(Module? scope) => scope?.Id ?? BuildCache.CourseScope;
        string InputHash(Module? scope) => scope is null ? hasher.Course(course.Modules.Select(m => moduleHashes[m.Id])) : moduleHashes[scope.Id];

        var cache = BuildCache.Open(output, options.UseCache, options.Notice);
        var reusable = scopes.ToDictionary(ScopeKey, scope => cache.Lookup(ScopeKey(scope), InputHash(scope)));
        var kept = partial ? KeptArtifacts(output, scopes.Select(ScopeKey).ToHashSet(), formats, options.Notice) : [];
        var results = diagnostics.Sorted();
        if (reusable.Values.All(a => a is not null) && (partial || cache.PreviousScopes.ToHashSet().SetEquals(reusable.Keys)))
        {
            // Nothing changed: the output folder is already what this build would write. Its
            // up-to-date record was missing or stale (else the shortcut above had answered):
            // writing it lets the next build answer without loading the course.
            var unchanged = reusable.Values.SelectMany(a => a!).Concat(kept).OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
            if (fingerprint is not null && OutputDigest.Of(output, unchanged) is { } digest)
                UpToDateRecord.Replace(output, new UpToDateRecord(fingerprint, digest, unchanged, results));
            return new BuildResult(results, unchanged, stopwatch.Elapsed) { UpToDate = true };
        }

        using var staging = new Staging(output);
        var html = new HtmlStage(course, templates);
        var built = new ConcurrentDictionary<string, ConcurrentBag<Artifact>>(StringComparer.Ordinal);
        var rebuilt = new List<string>();
        var jobs = new List<BuildJob>();
        foreach (var artifact in kept) cache.CarryOver(artifact, staging);
        foreach (var scope in scopes)
        {
            var key = ScopeKey(scope);
            var bag = built.GetOrAdd(key, _ => []);
            if (reusable[key] is { } previous)
            {
                foreach (var artifact in previous)
                {
                    cache.CarryOver(artifact, staging);
                    bag.Add(artifact);
                }
            }
            else
            {
                rebuilt.Add(key);
                jobs.AddRange(Jobs(course, scope, formats, html, staging, bag));
            }
        }

        // Largest first, each job on the next free core: the whole-course guides are the long
        // pole, so they start at once instead of after the modules.
        progress?.StageStarted("Render", jobs.Count);
        try
        {
            Parallel.ForEach(
                Partitioner.Create(jobs.OrderByDescending(j => j.Cost).ToList(), EnumerablePartitionerOptions.NoBuffering),
                job =>
                {
                    job.Run();
                    progress?.StepDone("Render", job.Name);
                });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<TemplateRenderException>().FirstOrDefault() is { } failure)
        {
            // The check above has rendered every page already; this catches a template that
            // fails only sometimes (one that reads the clock, say) as a diagnostic, not a crash.
            diagnostics.Error(DiagnosticCode.TemplateRenderError, new SourceLocation(failure.File, 1, 1), $"template fails while rendering: {failure.Message}");
            return new BuildResult(diagnostics.Sorted(), [], stopwatch.Elapsed);
        }
        progress?.StageFinished("Render");

        foreach (var scope in scopes)
            cache.Record(ScopeKey(scope), InputHash(scope), built[ScopeKey(scope)].ToList());
        if (partial)
            foreach (var scope in cache.PreviousScopes.ToList()) cache.KeepPrevious(scope);
        var sorted = built.Values.SelectMany(b => b).Concat(kept).OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
        File.WriteAllBytes(staging.PathOf(BuildCache.FileName), cache.Serialize());
        // The fingerprint was taken before loading, so an edit made during this build makes the
        // next one look again. The cache file is in the digest: a damaged cache is then seen
        // and reported by the next build, not skipped by its shortcut.
        if (fingerprint is not null)
            File.WriteAllBytes(staging.PathOf(UpToDateRecord.FileName),
                new UpToDateRecord(fingerprint, OutputDigest.Of(staging.Root, sorted)!, sorted, results).Serialize());
        File.WriteAllBytes(staging.PathOf(BuildReport.FileName),
            BuildReport.Serialize(course.Id, course.ContentDirectory, stopwatch.Elapsed, sorted, results));
        staging.Commit();
        return new BuildResult(results, sorted, stopwatch.Elapsed) { RebuiltScopes = rebuilt.Order(StringComparer.Ordinal).ToList() };
    }

    /// <summary>
    /// What a partial build keeps of the previous output: every artifact its report lists that this
    /// build does not replace (another module, the whole course after --module, another format),
    /// and that is still on disk as it was written.
    /// </summary>
    private static List<Artifact> KeptArtifacts(string output, HashSet<string> scopes, IReadOnlyList<OutputFormat> formats, Action<string>? notice)
    {
        var previous = BuildReport.ReadArtifacts(output, out var problem);
        if (problem is not null)
            notice?.Invoke($"{problem}: this partial build cannot tell which other artifacts to keep, so the output holds only what it builds; run a full build");
        if (previous is null) return [];
        bool Replaced(Artifact a) =>
            scopes.Contains(a.ModuleId ?? BuildCache.CourseScope) && ArtifactKind.FormatOf(a.Kind) is { } format && formats.Contains(format);
        return previous.Where(a => !Replaced(a) && a.IsIntactIn(output))
            .DistinctBy(a => a.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Up to this many lessons, the two whole-course guides are separate jobs, one on each core: together
    /// they are the longest job of a small course's build, and the other core ran out of work
    /// long before they finished (bundled course, 15 lessons). A guide of 100 lessons holds a few
    /// tens of MiB; beyond that they run one after the other (see <see cref="Jobs"/>).
    /// </summary>
    private const int SeparateCourseGuidesUpToLessons = 100;

    /// <summary>One independent piece of a build; <see cref="Cost"/> orders the work, largest first.</summary>
    private sealed record BuildJob(string Name, int Cost, Action Run);

    /// <summary>The work of one scope (a module, or the whole course when null): the player and its packages, and each guide.</summary>
    private static IEnumerable<BuildJob> Jobs(Course course, Module? scope, IReadOnlyList<OutputFormat> formats, HtmlStage html,
        Staging staging, ConcurrentBag<Artifact> artifacts)
    {
        var name = scope?.Id ?? "whole course";
        var size = scope?.Lessons.Count ?? course.Modules.Sum(m => m.Lessons.Count);
        void Emit(string kind, string relativePath, byte[] content)
        {
            File.WriteAllBytes(staging.PathOf(relativePath), content);
            artifacts.Add(new Artifact(kind, scope?.Id, relativePath.Replace('\\', '/'), content.LongLength,
                Convert.ToHexStringLower(SHA256.HashData(content))));
        }

        if (formats.Contains(OutputFormat.Html) || formats.Contains(OutputFormat.Scorm12) || formats.Contains(OutputFormat.Scorm2004))
        {
            yield return new BuildJob($"{name}: player", size, () =>
            {
                var files = html.Render(scope);
                if (formats.Contains(OutputFormat.Html))
                    foreach (var file in files)
                        Emit(ArtifactKind.Html, $"{ArtifactPaths.HtmlFolder(scope)}/{file.Path}", file.Content);
                if (formats.Contains(OutputFormat.Scorm12))
                    Emit(ArtifactKind.Scorm12, ArtifactPaths.ScormZip(course, scope, ScormStage.FormatName(ScormVersion.Scorm12)),
                        ScormStage.Package(course, scope, files, ScormVersion.Scorm12));
                if (formats.Contains(OutputFormat.Scorm2004))
                    Emit(ArtifactKind.Scorm2004, ArtifactPaths.ScormZip(course, scope, ScormStage.FormatName(ScormVersion.Scorm2004)),
                        ScormStage.Package(course, scope, files, ScormVersion.Scorm2004));
            });
        }
        foreach (var job in LmsFormatJobs(course, scope, formats, name, size, Emit)) yield return job;
        if (formats.Contains(OutputFormat.Pdf))
        {
            // PDF layout costs far more per lesson than HTML: weight it so guides start first.
            void Student() => Emit(ArtifactKind.PdfStudent, ArtifactPaths.Guide(course, scope, "student"), PdfStage.StudentGuide(course, scope));
            void Facilitator() => Emit(ArtifactKind.PdfFacilitator, ArtifactPaths.Guide(course, scope, "facilitator"), PdfStage.FacilitatorGuide(course, scope));
            if (scope is null && size > SeparateCourseGuidesUpToLessons)
            {
                // A whole-course guide holds its entire document in memory until it is saved; for a
                // large course the two run one after the other so their peaks never add up (a
                // 200-module curriculum: about 250 MiB less at the same speed, see README "Tests
                // and benchmarks").
                yield return new BuildJob($"{name}: guides", size * 8, () => { Student(); Facilitator(); });
                yield break;
            }
            yield return new BuildJob($"{name}: student guide", size * 4, Student);
            yield return new BuildJob($"{name}: facilitator guide", size * 4, Facilitator);
        }
    }

    /// <summary>The native LMS formats: a Common Cartridge per scope, a Canvas QTI zip per quiz, the Moodle XML bank of the course.</summary>
    private static IEnumerable<BuildJob> LmsFormatJobs(Course course, Module? scope, IReadOnlyList<OutputFormat> formats, string name, int size,
        Action<string, string, byte[]> emit)
    {
        if (formats.Contains(OutputFormat.CommonCartridge))
            yield return new BuildJob($"{name}: common cartridge", size, () =>
                emit(ArtifactKind.CommonCartridge, ArtifactPaths.Lms(course, scope, CommonCartridgePackage.FormatName, $"{CommonCartridgePackage.Extension}"),
                    CommonCartridgePackage.Package(course, scope)));
        if (formats.Contains(OutputFormat.CanvasQti) && scope is { Quiz: not null })
            yield return new BuildJob($"{name}: canvas qti", 1, () =>
                emit(ArtifactKind.CanvasQti, ArtifactPaths.Lms(course, scope, CanvasQtiPackage.FormatName, "zip"), CanvasQtiPackage.Package(course, scope)));
        if (formats.Contains(OutputFormat.MoodleXml) && scope is null)
            yield return new BuildJob($"{name}: moodle xml", size, () =>
                emit(ArtifactKind.MoodleXml, ArtifactPaths.Lms(course, null, MoodleXmlBank.FormatName, "xml"), MoodleXmlBank.Create(course, course.Modules)));
    }
}

/// <summary>Where each artifact lands under the output folder.</summary>
public static class ArtifactPaths
{
    public static string HtmlFolder(Module? module) => module is null ? "html/course" : $"html/modules/{module.Id}";
    public static string ScormZip(Course course, Module? module, string version) =>
        $"{version}/{course.Id}{(module is null ? "" : "-" + module.Id)}-{version}.zip";
    /// <summary>cc/&lt;course&gt;[-&lt;module&gt;]-cc.imscc, qti/…-qti.zip, moodle-xml/&lt;course&gt;-moodle-xml.xml.</summary>
    public static string Lms(Course course, Module? module, string format, string extension) =>
        $"{format}/{course.Id}{(module is null ? "" : "-" + module.Id)}-{format}.{extension}";
    public static string Guide(Course course, Module? module, string audience) =>
        $"pdf/{course.Id}{(module is null ? "" : "-" + module.Id)}-{audience}-guide.pdf";
}
