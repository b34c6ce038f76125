using System.Collections.Concurrent;
using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;
using CourseBuilder.Model;

namespace CourseBuilder.Html;

/// <summary>
/// The course's templates, Hugo-style: a base layout (<c>baseof</c>) with partials
/// (<c>partials/…</c>), the player page that fills it (<c>player</c>), and the markup of each
/// directive (<c>directives/…</c>). Any of them may be overridden by a file of the same name
/// under a module's <c>templates/</c> folder (that module only) or the course's
/// <c>content/templates/</c>; <see cref="TemplateLookup"/> resolves each name in that order.
/// One instance serves one build, which may render in parallel.
/// </summary>
public sealed partial class TemplateEngine
{
    public const string OverrideFolder = "templates";

    /// <summary>Beside the tool's assemblies: the built-in templates, compiled when the tool was built.</summary>
    public const string ShippedTemplatesFolder = "templates";

    private readonly string _courseFolder;
    private readonly ConcurrentDictionary<string, Lazy<TemplateSet>> _sets = new(StringComparer.Ordinal);

    public TemplateEngine(string contentDirectory) => _courseFolder = Path.Combine(contentDirectory, OverrideFolder);

    /// <summary>The templates as the tool ships them, for pages no course may restyle (LMS pages).</summary>
    public static TemplateSet BuiltIn { get; } = new(new TemplateLookup([]));

    /// <summary>
    /// Compiles every built-in template into <paramref name="outputDirectory"/>/templates/, as the
    /// tool's build does (CourseBuilder.TemplatePrecompiler) so that the tool ships them compiled;
    /// removes what an earlier run left there for sources that changed. Returns how many there are.
    /// </summary>
    public static int PrecompileBuiltIns(string outputDirectory)
    {
        var folder = Path.Combine(outputDirectory, ShippedTemplatesFolder);
        Directory.CreateDirectory(folder);
        var lookup = new TemplateLookup([]);
        var store = new CompiledTemplateStore(lookup, folder, [folder]);
        var set = new TemplateSet(lookup, store);
        foreach (var name in TemplateLookup.BuiltInNames) set.Compile(name);
        var current = TemplateLookup.BuiltInNames.Select(store.FileNameOf).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.GetFiles(folder, "*.dll").Where(f => !current.Contains(Path.GetFileName(f))))
            File.Delete(stale);
        return current.Count;
    }

    /// <summary>The templates a module's pages use, or the whole course's pages when <paramref name="module"/> is null.</summary>
    public TemplateSet For(Module? module)
    {
        string[] folders = module is null ? [_courseFolder] : [Path.Combine(module.Directory, OverrideFolder), _courseFolder];
        var lookup = new TemplateLookup(folders);
        if (lookup.Folders.Count == 0) return BuiltIn;
        return _sets.GetOrAdd(string.Join('\n', lookup.Folders), _ => new Lazy<TemplateSet>(() => new TemplateSet(lookup))).Value;
    }

    /// <summary>Every built-in template with its bytes and the course's overrides: the build cache hashes them (modules' own overrides are hashed with the module's files).</summary>
    public IEnumerable<(string Name, byte[] Bytes)> Inputs()
    {
        foreach (var name in TemplateLookup.BuiltInNames)
            yield return (name, TemplateLookup.BuiltIn(name));
        if (!Directory.Exists(_courseFolder)) yield break;
        foreach (var file in Directory.EnumerateFiles(_courseFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return ("override:" + Path.GetRelativePath(_courseFolder, file).Replace('\\', '/'), File.ReadAllBytes(file));
    }

    /// <summary>
    /// Everything <c>check</c> can find wrong with the course's templates, so that <c>build</c>
    /// does not fail on them: an override that does not compile (CB0060, at its line), one that
    /// fails while rendering the course's pages (CB0061), and a file whose name is no template's
    /// and that no template includes (CB0062, most likely a misspelt name).
    /// </summary>
    public void Check(Course course, DiagnosticBag diagnostics)
    {
        var folders = OverrideFolders(course).ToList();
        if (folders.Count == 0) return;
        var files = folders.SelectMany(f => TemplateFiles(f.Folder).Select(file => (File: file, f.Folder, f.Scope))).ToList();
        var sources = string.Join('\n', files.Select(f => File.ReadAllText(f.File)));
        var compiled = true;
        foreach (var (file, folder, scope) in files)
        {
            var name = TemplateLookup.Normalize(Path.GetRelativePath(folder, file));
            try
            {
                For(scope).Compile(name);
            }
            catch (TemplateException ex)
            {
                diagnostics.Error(DiagnosticCode.TemplateError, new SourceLocation(file, ex.Line, ex.Column), $"template does not compile: {ex.Message}");
                compiled = false;
            }
            if (!TemplateLookup.BuiltInNames.Contains(name, StringComparer.Ordinal) && !sources.Contains($"\"{name}\"", StringComparison.Ordinal))
                diagnostics.Warning(DiagnosticCode.UnusedTemplate, new SourceLocation(file, 1, 1),
                    $"'{name}' is not the name of a built-in template and no template includes it, so it is never used; the built-in templates are {string.Join(", ", TemplateLookup.BuiltInNames)}");
        }
        // Rendering reads every override the lookup finds, a pipe the loader refused included:
        // only a course without errors is rendered, as only such a course is built.
        if (!compiled || diagnostics.HasErrors) return;
        // A course's own cycle shows again in each module that has templates of its own: once is enough.
        var cyclic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, scope) in folders)
        {
            var lookup = For(scope).Lookup;
            if (IncludeCycle(lookup, "player") is not { } cycle) continue;
            var file = cycle.Select(lookup.OverrideOf).First(f => f is not null)!;
            if (cyclic.Add(file))
                diagnostics.Error(DiagnosticCode.TemplateRenderError, new SourceLocation(file, 1, 1),
                    $"template includes itself ({string.Join(" → ", cycle)}), so rendering it would never end");
        }
        if (cyclic.Count == 0) TryRender(course, diagnostics);
    }

    /// <summary>
    /// A chain of templates from <paramref name="start"/> that comes back to one of them, by the
    /// names written in <c>IncludeAsync("…")</c> and <c>Layout = "…"</c>; null when there is none.
    /// Rendering such a chain would only stop when the process ran out of stack, which no
    /// exception handler survives, so it is found from the sources before anything renders.
    /// </summary>
    private static string[]? IncludeCycle(TemplateLookup lookup, string start)
    {
        var path = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[]? Visit(string name)
        {
            var at = path.IndexOf(name);
            if (at >= 0) return [.. path.Skip(at), name];
            if (!seen.Add(name) || lookup.Source(name) is not { } source) return null;
            path.Add(name);
            foreach (System.Text.RegularExpressions.Match reference in NamedTemplate().Matches(System.Text.Encoding.UTF8.GetString(source)))
                if (Visit(TemplateLookup.Normalize(reference.Groups[1].Value)) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return Visit(start);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:IncludeAsync\s*\(\s*|Layout\s*=\s*)""([^""\r\n]+)""")]
    private static partial System.Text.RegularExpressions.Regex NamedTemplate();

    /// <summary>
    /// The regular .cshtml files under a templates folder, walked by hand: links to folders,
    /// pipes, devices and files over the size limit are left out (the loader reports them), so
    /// that checking templates never follows a link loop or waits on a pipe.
    /// </summary>
    private static IEnumerable<string> TemplateFiles(string folder, int depth = 0)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var isLink = new FileInfo(entry).LinkTarget is not null;
            switch (InputFiles.KindOf(entry))
            {
                case InputFiles.Kind.Folder when !isLink && depth < 16:
                    foreach (var file in TemplateFiles(entry, depth + 1)) yield return file;
                    break;
                case InputFiles.Kind.File when entry.EndsWith(TemplateLookup.Extension, StringComparison.Ordinal)
                                               && new FileInfo(entry).Length <= InputFiles.Current.AssetBytes:
                    yield return entry;
                    break;
            }
        }
    }

    /// <summary>Renders every player page once, writing nothing, to find an override that fails while rendering.</summary>
    private void TryRender(Course course, DiagnosticBag diagnostics)
    {
        var stage = new HtmlStage(course, this);
        Exception? failure = null;
        // On a thread with the stack a build's render jobs have (the thread pool's), not the
        // main thread's eight times larger one: a template that includes itself under a computed
        // name then stops as deep as it would in a build, and in a second rather than half a minute.
        var render = new Thread(() =>
        {
            try
            {
                foreach (var scope in course.Modules.Select(m => (Module?)m).Append(null))
                {
                    try
                    {
                        stage.Render(scope);
                    }
                    catch (TemplateRenderException ex)
                    {
                        diagnostics.Error(DiagnosticCode.TemplateRenderError, new SourceLocation(ex.File, 1, 1),
                            $"template fails while rendering {(scope is null ? "the whole-course page" : $"module '{scope.Id}'")}: {ex.Message}");
                        return;
                    }
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, maxStackSize: RenderStackBytes);
        render.Start();
        render.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>What .NET gives thread-pool threads on Linux, where the build renders.</summary>
    private const int RenderStackBytes = 1536 * 1024;

    /// <summary>The course's templates/ folder and each module's, where they exist.</summary>
    private IEnumerable<(string Folder, Module? Scope)> OverrideFolders(Course course)
    {
        if (Directory.Exists(_courseFolder)) yield return (_courseFolder, null);
        foreach (var module in course.Modules)
        {
            var folder = Path.Combine(module.Directory, OverrideFolder);
            if (Directory.Exists(folder)) yield return (folder, module);
        }
    }
}
