using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Razor;

namespace CourseBuilder.Html;

/// <summary>
/// Keeps compiled templates on disk between runs. Compiling a Razor template loads Roslyn and
/// costs seconds at start-up, more than the rest of a small build; a compiled template is a
/// small assembly, so each one is saved under the user's cache folder, keyed by the template's
/// source, the tool's build and RazorLight's version, and loaded from there next time.
/// </summary>
internal static class CompiledTemplateCache
{
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

    private static readonly ConcurrentDictionary<string, Type> Loaded = new();
    private static readonly string ToolBuild =
        typeof(CompiledTemplateCache).Assembly.ManifestModule.ModuleVersionId + "/" + typeof(RazorLightEngine).Assembly.GetName().Version;

    /// <summary>Compiles (or loads) the template now, so a broken course template is reported before anything is built.</summary>
    public static void Precompile(RazorLightEngine engine, string key, byte[] source) =>
        Loaded.GetOrAdd(CacheId(key, source), id => LoadOrCompile(engine, key, id));

    /// <summary>Renders <paramref name="key"/> with a compiled template from disk when one matches <paramref name="source"/>, else compiles and saves it.</summary>
    public static string Render<T>(RazorLightEngine engine, string key, byte[] source, T model)
    {
        var id = CacheId(key, source);
        var type = Loaded.GetOrAdd(id, _ => LoadOrCompile(engine, key, id));
        var page = (ITemplatePage)Activator.CreateInstance(type)!;
        page.Key = key;
        return engine.RenderTemplateAsync(page, model).GetAwaiter().GetResult();
    }

    private static Type LoadOrCompile(RazorLightEngine engine, string key, string id)
    {
        var file = Path.Combine(Folder, id + ".dll");
        if (File.Exists(file))
        {
            try
            {
                return TemplateType(Assembly.Load(File.ReadAllBytes(file)));
            }
            catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException or IOException)
            {
                // A damaged cache entry is compiled again below.
            }
        }
        var capture = CapturingCompilationService.Install(engine);
        ITemplatePage page;
        try
        {
            page = engine.CompileTemplateAsync(key).GetAwaiter().GetResult();
        }
        catch (RazorLight.Generation.TemplateGenerationException ex) when (ex.Diagnostics.Count > 0)
        {
            var first = ex.Diagnostics[0];
            throw new TemplateException(first.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                first.Span.LineIndex + 1, first.Span.CharacterIndex + 1);
        }
        if (capture?.TakeBytes(key) is { } bytes) Save(file, bytes);
        return page.GetType();
    }

    private static Type TemplateType(Assembly assembly) =>
        assembly.GetCustomAttribute<RazorLightTemplateAttribute>()?.TemplateType
        ?? throw new InvalidOperationException("cached template assembly has no template");

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

    private static string CacheId(string key, byte[] source)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ToolBuild + "\n" + key + "\n"));
        hash.AppendData(source);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    /// <summary>
    /// Wraps RazorLight's Roslyn compilation service to keep the bytes of each assembly it emits,
    /// which RazorLight itself loads from memory and discards.
    /// </summary>
    private sealed class CapturingCompilationService(RoslynCompilationService inner) : ICompilationService
    {
        private readonly ConcurrentDictionary<string, byte[]> _bytes = new();

        public Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions CSharpCompilationOptions => inner.CSharpCompilationOptions;
        public Microsoft.CodeAnalysis.Emit.EmitOptions EmitOptions => inner.EmitOptions;
        public Microsoft.CodeAnalysis.CSharp.CSharpParseOptions ParseOptions => inner.ParseOptions;
        public Assembly OperatingAssembly => inner.OperatingAssembly;

        public Assembly CompileAndEmit(IGeneratedRazorTemplate razorTemplate)
        {
            // RazorLight names each template assembly uniquely; so do we, as it loads them side by side.
            var compilation = inner.CreateCompilation("CourseBuilderTemplate_" + Guid.NewGuid().ToString("N"))
                .AddSyntaxTrees(inner.CreateSyntaxTree(Microsoft.CodeAnalysis.Text.SourceText.From(razorTemplate.GeneratedCode, Encoding.UTF8)));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream, options: inner.EmitOptions);
            if (!result.Success)
            {
                // Razor's #line pragmas map each error back to the template's own line.
                var error = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                var position = error.Location.GetMappedLineSpan().StartLinePosition;
                throw new TemplateException(error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), position.Line + 1, position.Character + 1);
            }
            var bytes = stream.ToArray();
            _bytes[razorTemplate.TemplateKey] = bytes;
            return Assembly.Load(bytes);
        }

        /// <summary>The bytes compiled for <paramref name="key"/>; RazorLight may have added the .cshtml extension to it.</summary>
        public byte[]? TakeBytes(string key)
        {
            var stem = Path.GetFileNameWithoutExtension(key.TrimStart('/'));
            var match = _bytes.Keys.FirstOrDefault(k => k == key || Path.GetFileNameWithoutExtension(k.TrimStart('/')) == stem);
            return match is not null && _bytes.TryRemove(match, out var bytes) ? bytes : null;
        }

        /// <summary>Puts a capturing service in the engine's template compiler (once); null if RazorLight's internals differ from 2.3.</summary>
        public static CapturingCompilationService? Install(RazorLightEngine engine)
        {
            if (engine.Handler.Compiler is not RazorTemplateCompiler compiler) return null;
            lock (compiler)
            {
                if (compiler.CompilationService is CapturingCompilationService existing) return existing;
                var field = typeof(RazorTemplateCompiler).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                    .FirstOrDefault(f => f.FieldType == typeof(ICompilationService));
                if (field?.GetValue(compiler) is not RoslynCompilationService roslyn) return null;
                var capturing = new CapturingCompilationService(roslyn);
                field.SetValue(compiler, capturing);
                return capturing;
            }
        }
    }
}

/// <summary>A template that does not compile, with the position of its first error in the template file.</summary>
public sealed class TemplateException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
