using System.Reflection;
using CourseBuilder.Markdown.Partials;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Razor;

namespace CourseBuilder.Html;

/// <summary>One lookup order's templates, compiled once and rendered as often as needed.</summary>
public sealed class TemplateSet : IPartialTemplates
{
    private readonly Lazy<RazorLightEngine> _engine;

    internal TemplateSet(TemplateLookup lookup, CompiledTemplateStore? compiled = null)
    {
        Lookup = lookup;
        _engine = new Lazy<RazorLightEngine>(() =>
        {
            var store = compiled ?? new CompiledTemplateStore(lookup);
            // The engine renders from the store. Only a template the store does not hold yet
            // needs RazorLight's compiler, and building one sets up the Razor language engine
            // and Roslyn (a quarter of a second before any template compiles): it is built
            // then, not for every build.
            var compiler = new Lazy<RazorLightEngine>(() => new RazorLightEngineBuilder()
                .UseProject(lookup)
                .UseCachingProvider(store)
                .SetOperatingAssembly(typeof(TemplateSet).Assembly)
                .Build());
            return new RazorLightEngine(new EngineHandler(new RazorLightOptions(), new DeferredCompiler(compiler), new TemplateFactoryProvider(), store));
        });
    }

    /// <summary>Hands compilation to a full RazorLight engine, built the first time a template must be compiled.</summary>
    private sealed class DeferredCompiler(Lazy<RazorLightEngine> engine) : IRazorTemplateCompiler
    {
        public ICompilationService CompilationService => engine.Value.Handler.Compiler.CompilationService;

        public Task<CompiledTemplateDescriptor> CompileAsync(string templateKey) => engine.Value.Handler.Compiler.CompileAsync(templateKey);
    }

    public TemplateLookup Lookup { get; }

    /// <summary>
    /// Renders <paramref name="name"/>. A course's override that fails while rendering (a null
    /// it did not expect, a partial it includes that does not exist) throws
    /// <see cref="TemplateRenderException"/> naming its file; a built-in template that fails is a
    /// bug of the tool and its exception goes on as it is.
    /// </summary>
    public string Render<TModel>(string name, TModel model)
    {
        var page = Compile(name);
        try
        {
            return _engine.Value.RenderTemplateAsync(page, model).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not TemplateException && FailingOverride(ex) is { } file)
        {
            throw new TemplateRenderException(file, Explain(ex));
        }
    }

    /// <summary>What went wrong, in an author's terms where RazorLight's are a programmer's.</summary>
    private static string Explain(Exception ex)
    {
        if (ex is TemplateNotFoundException && System.Text.RegularExpressions.Regex.Match(ex.Message, @"with key (\S+)") is { Success: true } key)
            return $"it includes '{TemplateLookup.Normalize(key.Groups[1].Value)}', which is no template here; the built-in templates are {string.Join(", ", TemplateLookup.BuiltInNames)}";
        if (ex is InsufficientExecutionStackException)
            return "templates include one another too deeply: does one include itself?";
        return $"{ex.GetType().Name}: {ex.Message}";
    }

    /// <summary>The override file whose code threw <paramref name="ex"/>: each compiled template is an assembly that names its template.</summary>
    private string? FailingOverride(Exception ex)
    {
        foreach (var frame in new System.Diagnostics.StackTrace(ex, false).GetFrames())
        {
            var key = frame.GetMethod()?.DeclaringType?.Assembly.GetCustomAttribute<RazorLightTemplateAttribute>()?.Key;
            if (key is not null) return Lookup.OverrideOf(TemplateLookup.Normalize(key));
        }
        return null;
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

/// <summary>A course's template that compiled but failed while rendering.</summary>
public sealed class TemplateRenderException(string file, string message) : Exception(message)
{
    public string File { get; } = file;
}

/// <summary>A template that does not compile, with the position of its first error in the template file.</summary>
public sealed class TemplateException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
