using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using RazorLight;
using RazorLight.Caching;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Razor;

namespace CourseBuilder.Html;

/// <summary>
/// Keeps compiled templates on disk between runs, through RazorLight's public caching hooks:
/// <see cref="ICachingProvider"/> answers "is this template compiled?" and
/// <see cref="IPrecompileCallback"/> receives the assembly RazorLight has just compiled.
/// Compiling a Razor template loads Roslyn and costs seconds, more than the rest of a small
/// build; a compiled template is a small assembly, so each is saved under the user's cache
/// folder, named by a hash of its source, the tool's build and RazorLight's version, and loaded
/// from there by the next run. Sources are hashed, not names: the same partial resolved for two
/// modules is compiled once, and an edited override is compiled again.
/// </summary>
internal sealed class CompiledTemplateStore(TemplateLookup lookup, string saveFolder, IReadOnlyList<string> loadFolders) : ICachingProvider, IPrecompileCallback
{
    /// <summary>The store a build uses: the templates shipped compiled with the tool, then the user's cache, where it saves what it compiles.</summary>
    public CompiledTemplateStore(TemplateLookup lookup) : this(lookup, Folder, [ShippedFolder, Folder]) { }

    /// <summary>Built-in templates compiled when the tool was built (CourseBuilder.TemplatePrecompiler), beside the tool's assemblies.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, TemplateEngine.ShippedTemplatesFolder);

    /// <summary>Where compiled templates live: $COURSEBUILDER_CACHE_DIR, else $XDG_CACHE_HOME/coursebuilder, else ~/.cache/coursebuilder.</summary>
    public static string Folder
    {
        get
        {
            var explicitDir = Environment.GetEnvironmentVariable("COURSEBUILDER_CACHE_DIR");
            if (!string.IsNullOrEmpty(explicitDir)) return Path.Combine(explicitDir, "templates");
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "coursebuilder", "templates");
        }
    }

    /// <summary>Template classes this process has loaded, by source id, shared by every lookup.</summary>
    private static readonly ConcurrentDictionary<string, Type> LoadedTypes = new();

    private static readonly string ToolBuild =
        typeof(CompiledTemplateStore).Assembly.ManifestModule.ModuleVersionId + "/" + typeof(RazorLightEngine).Assembly.GetName().Version;

    /// <summary>This lookup's templates by key, once resolved: a build reads each source once.</summary>
    private readonly ConcurrentDictionary<string, Func<ITemplatePage>> _factories = new(StringComparer.Ordinal);

    public TemplateCacheLookupResult RetrieveTemplate(string key)
    {
        // Every include asks here first, one stack frame group deeper each time: a template that
        // includes itself under a computed name (the check finds literal ones) stops with an
        // exception the build reports, before the stack overflows and takes the process with it.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (_factories.TryGetValue(key, out var known)) return new TemplateCacheLookupResult(new TemplateCacheItem(key, known));
        var name = TemplateLookup.Normalize(key);
        if (lookup.Source(name) is not { } source) return new TemplateCacheLookupResult();
        var id = SourceId(name, source);
        if (!LoadedTypes.TryGetValue(id, out var type) && (type = LoadFromDisk(loadFolders, id)) is null) return new TemplateCacheLookupResult();
        LoadedTypes.TryAdd(id, type);
        var factory = _factories.GetOrAdd(key, _ => () => (ITemplatePage)Activator.CreateInstance(type)!);
        return new TemplateCacheLookupResult(new TemplateCacheItem(key, factory));
    }

    public void CacheTemplate(string key, Func<ITemplatePage> pageFactory, IChangeToken expirationToken) => _factories[key] = pageFactory;

    public bool Contains(string key) => _factories.ContainsKey(key);

    public void Remove(string key) => _factories.TryRemove(key, out _);

    /// <summary>RazorLight has compiled a template: save its assembly for the next run.</summary>
    public void Invoke(IGeneratedRazorTemplate generatedRazorTemplate, byte[] rawAssembly, byte[] rawSymbolStore)
    {
        var name = TemplateLookup.Normalize(generatedRazorTemplate.TemplateKey);
        if (lookup.Source(name) is { } source) Save(Path.Combine(saveFolder, SourceId(name, source) + ".dll"), rawAssembly);
    }

    /// <summary>The file name a compiled <paramref name="name"/> has in a store folder: its source id.</summary>
    public string? FileNameOf(string name) => lookup.Source(name) is { } source ? SourceId(name, source) + ".dll" : null;

    private static Type? LoadFromDisk(IReadOnlyList<string> folders, string id)
    {
        foreach (var folder in folders)
        {
            var file = Path.Combine(folder, id + ".dll");
            if (!File.Exists(file)) continue;
            try
            {
                if (Assembly.Load(File.ReadAllBytes(file)).GetCustomAttribute<RazorLightTemplateAttribute>()?.TemplateType is { } type) return type;
            }
            catch (Exception ex) when (ex is BadImageFormatException or IOException or UnauthorizedAccessException)
            {
                // A damaged or unreadable entry: the next folder, or RazorLight compiles the template again.
            }
        }
        return null;
    }

    private static void Save(string file, byte[] bytes)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var temp = $"{file}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No writable cache folder: the next run compiles again, which is only slower.
        }
    }

    private static string SourceId(string name, byte[] source)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ToolBuild + "\n" + name + "\n"));
        hash.AppendData(source);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
