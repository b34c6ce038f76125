using System.Collections.Concurrent;
using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown.Partials;
using CourseBuilder.Model;
using RazorLight;

namespace CourseBuilder.Html;

/// <summary>
/// The course's templates, Hugo-style: a base layout (<c>baseof</c>) with partials
/// (<c>partials/…</c>), the player page that fills it (<c>player</c>), and the markup of each
/// directive (<c>directives/…</c>). Any of them may be overridden by a file of the same name
/// under a module's <c>templates/</c> folder (that module only) or the course's
/// <c>content/templates/</c>; <see cref="TemplateLookup"/> resolves each name in that order.
/// One instance serves one build, which may render in parallel.
/// </summary>
public sealed class TemplateEngine
{
    public const string OverrideFolder = "templates";

    private readonly string _courseFolder;
    private readonly ConcurrentDictionary<string, Lazy<TemplateSet>> _sets = new(StringComparer.Ordinal);

    public TemplateEngine(string contentDirectory) => _courseFolder = Path.Combine(contentDirectory, OverrideFolder);

    /// <summary>The templates as the tool ships them, for pages no course may restyle (LMS pages).</summary>
    public static TemplateSet BuiltIn { get; } = new(new TemplateLookup([]));

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
    /// Compiles every override the course and its modules hold, reporting each that does not
    /// compile at its own line, so that <c>check</c> finds what <c>build</c> would fail on.
    /// </summary>
    public void CheckOverrides(Course course, DiagnosticBag diagnostics)
    {
        foreach (var scope in course.Modules.Select(m => (Module?)m).Prepend(null))
        {
            var set = For(scope);
            var own = set.Lookup.Folders.FirstOrDefault();
            if (own is null || (scope is not null && !own.StartsWith(Path.GetFullPath(scope.Directory), StringComparison.Ordinal))) continue;
            foreach (var file in Directory.EnumerateFiles(own, "*" + TemplateLookup.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = TemplateLookup.Normalize(Path.GetRelativePath(own, file));
                try
                {
                    set.Compile(name);
                }
                catch (TemplateException ex)
                {
                    diagnostics.Error(DiagnosticCode.TemplateError, new SourceLocation(file, ex.Line, ex.Column), $"template does not compile: {ex.Message}");
                }
            }
        }
    }
}

/// <summary>One lookup order's templates, compiled once and rendered as often as needed.</summary>
public sealed class TemplateSet : IPartialTemplates
{
    private readonly Lazy<RazorLightEngine> _engine;

    internal TemplateSet(TemplateLookup lookup)
    {
        Lookup = lookup;
        _engine = new Lazy<RazorLightEngine>(() => new RazorLightEngineBuilder()
            .UseProject(lookup)
            .UseCachingProvider(new CompiledTemplateStore(lookup))
            .SetOperatingAssembly(typeof(TemplateSet).Assembly)
            .Build());
    }

    public TemplateLookup Lookup { get; }

    public string Render<TModel>(string name, TModel model)
    {
        var engine = _engine.Value;
        return engine.RenderTemplateAsync(Compile(name), model).GetAwaiter().GetResult();
    }

    /// <summary>A fresh page of the compiled template <paramref name="name"/>; a template that does not compile throws <see cref="TemplateException"/>.</summary>
    internal ITemplatePage Compile(string name)
    {
        try
        {
            return _engine.Value.CompileTemplateAsync(name).GetAwaiter().GetResult();
        }
        catch (RazorLight.Generation.TemplateGenerationException ex) when (ex.Diagnostics.Count > 0)
        {
            var first = ex.Diagnostics[0];
            throw new TemplateException(first.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                first.Span.LineIndex + 1, first.Span.CharacterIndex + 1);
        }
        catch (RazorLight.Compilation.TemplateCompilationException ex) when (ex.CompilationDiagnostics.Count > 0)
        {
            // Razor's #line pragmas map each error back to the template's own line.
            var first = ex.CompilationDiagnostics[0];
            var start = first.LineSpan?.StartLinePosition;
            throw new TemplateException(first.ErrorMessage, (start?.Line ?? 0) + 1, (start?.Character ?? 0) + 1);
        }
    }
}
