using System.Collections.Concurrent;
using CourseBuilder.Diagnostics;
using RazorLight;

namespace CourseBuilder.Html;

/// <summary>
/// Renders the RazorLight templates. A course may override any template by putting a file of
/// the same name in <c>content/templates/</c> (as Hugo themes do); the rest come from the
/// tool. Engines are cached per template folder, so compilation is paid once per process.
/// </summary>
public sealed class TemplateEngine
{
    public const string OverrideFolder = "templates";
    private const string TemplatePrefix = "CourseBuilder.Html.Templates.";
    private static readonly ConcurrentDictionary<string, Lazy<RazorLightEngine>> Engines = new();
    private static readonly Lazy<RazorLightEngine> Embedded = new(() => new RazorLightEngineBuilder()
        .UseEmbeddedResourcesProject(typeof(TemplateEngine).Assembly, "CourseBuilder.Html.Templates")
        .UseMemoryCachingProvider()
        .Build());

    private readonly string? _overrideFolder;

    public TemplateEngine(string contentDirectory)
    {
        var folder = Path.Combine(contentDirectory, OverrideFolder);
        _overrideFolder = Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
    }

    /// <summary>The override file for <paramref name="name"/>, if the course has one.</summary>
    public string? OverridePath(string name) =>
        _overrideFolder is not null && File.Exists(Path.Combine(_overrideFolder, name + ".cshtml"))
            ? Path.Combine(_overrideFolder, name + ".cshtml") : null;

    /// <summary>Every template the course's pages may use, embedded or overridden, with its bytes: the build cache hashes them.</summary>
    public IEnumerable<(string Name, byte[] Bytes)> Inputs()
    {
        foreach (var resource in EmbeddedFiles.Names(TemplatePrefix))
            yield return (resource, EmbeddedFiles.Read(resource));
        if (_overrideFolder is null) yield break;
        foreach (var file in Directory.EnumerateFiles(_overrideFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return ("override:" + Path.GetRelativePath(_overrideFolder, file).Replace('\\', '/'), File.ReadAllBytes(file));
    }

    public string Render<T>(string name, T model)
    {
        if (OverridePath(name) is { } file)
            return CompiledTemplateCache.Render(OverrideEngine(), name + ".cshtml", File.ReadAllBytes(file), model);
        return CompiledTemplateCache.Render(Embedded.Value, name, EmbeddedSource(name), model);
    }

    /// <summary>Compiles the course's override of <paramref name="name"/>, if it has one, reporting what does not compile.</summary>
    public void CheckOverride(string name, DiagnosticBag diagnostics)
    {
        if (OverridePath(name) is not { } file) return;
        try
        {
            CompiledTemplateCache.Precompile(OverrideEngine(), name + ".cshtml", File.ReadAllBytes(file));
        }
        catch (TemplateException ex)
        {
            diagnostics.Error(DiagnosticCode.TemplateError, new SourceLocation(file, ex.Line, ex.Column), $"template does not compile: {ex.Message}");
        }
    }

    private RazorLightEngine OverrideEngine() =>
        Engines.GetOrAdd(_overrideFolder!, f => new Lazy<RazorLightEngine>(() => new RazorLightEngineBuilder()
            .UseFileSystemProject(f).UseMemoryCachingProvider().Build())).Value;

    private static byte[] EmbeddedSource(string name) => EmbeddedFiles.Read($"{TemplatePrefix}{name}.cshtml");
}
