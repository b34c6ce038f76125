using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CourseBuilder.Html;
using CourseBuilder.Model;

namespace CourseBuilder.Build;

/// <summary>
/// The incremental-build cache. Each scope (a module, or the whole course) has an input hash
/// over everything its artifacts depend on: the tool's identity, the templates and runtime, the
/// requested formats, course.yml, and the scope's own files. The output folder keeps, beside
/// the artifacts, the hash each scope was built from; when it matches and the artifacts on disk
/// still have their recorded SHA-256, the scope is not rebuilt and its files are carried over
/// by hard link, so unchanged artifacts are never rewritten.
/// </summary>
internal sealed partial class BuildCache
{
    public const string FileName = ".coursebuilder-cache.json";
    public const string CourseScope = "(course)";

    private sealed record Entry(string InputHash, IReadOnlyList<Artifact> Artifacts);

    private sealed record Manifest(int Schema, Dictionary<string, Entry>? Scopes);

    private readonly string _outputDirectory;
    private readonly Dictionary<string, Entry> _previous;
    private readonly Dictionary<string, Entry> _current = new(StringComparer.Ordinal);

    private BuildCache(string outputDirectory, Dictionary<string, Entry> previous)
    {
        _outputDirectory = outputDirectory;
        _previous = previous;
    }

    /// <summary>
    /// Reads the cache the last build left. A cache that cannot be read or is damaged (edited by
    /// hand, truncated, fields missing) is reported to <paramref name="warn"/> and treated as no
    /// cache: it only costs a full build.
    /// </summary>
    public static BuildCache Open(string outputDirectory, bool enabled, Action<string>? warn = null)
    {
        var path = Path.Combine(outputDirectory, FileName);
        var none = new BuildCache(outputDirectory, new Dictionary<string, Entry>());
        if (!enabled || !File.Exists(path)) return none;
        try
        {
            if (Read(File.ReadAllBytes(path)) is { Schema: 1, Scopes: { } scopes })
                return new BuildCache(outputDirectory, scopes);
            warn?.Invoke($"ignoring the damaged build cache {path}: rebuilding everything");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            warn?.Invoke($"ignoring the build cache {path}, which cannot be read ({ex.Message.Split('\n')[0]}): rebuilding everything");
        }
        return none;
    }

    /// <summary>
    /// The manifest, with <see cref="Manifest.Scopes"/> null when any scope lacks a field or names
    /// an artifact that is not <see cref="Artifact.IsWellFormed"/> (the cache is damaged).
    /// </summary>
    private static Manifest? Read(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null) return null;
        var schema = BuildJson.Int(root, "schema");
        Dictionary<string, Entry>? scopes = null;
        if (BuildJson.TryGet(root, "scopes", out var scopesElement))
        {
            if (scopesElement.ValueKind != JsonValueKind.Object) throw new JsonException("'scopes' has a value of the wrong kind");
            scopes = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var scope in scopesElement.EnumerateObject())
            {
                if (scope.Value.ValueKind == JsonValueKind.Null
                    || BuildJson.String(scope.Value, "inputHash") is not { } inputHash
                    || BuildJson.Artifacts(scope.Value) is not { } artifacts || !AllWellFormed(artifacts))
                {
                    scopes = null;
                    break;
                }
                scopes[scope.Name] = new Entry(inputHash, artifacts!);
            }
        }
        return new Manifest(schema, scopes);
    }

    private static bool AllWellFormed(List<Artifact?> artifacts)
    {
        foreach (var artifact in artifacts)
            if (!Artifact.IsWellFormed(artifact)) return false;
        return true;
    }

    public IReadOnlyCollection<string> PreviousScopes => _previous.Keys;

    /// <summary>The artifacts built before from the same inputs, if every one is still on disk unchanged.</summary>
    public IReadOnlyList<Artifact>? Lookup(string scope, string inputHash)
    {
        if (!_previous.TryGetValue(scope, out var entry) || entry.InputHash != inputHash) return null;
        return entry.Artifacts.All(a => a.IsIntactIn(_outputDirectory)) ? entry.Artifacts : null;
    }

    /// <summary>Keeps the previous build's entry for a scope this (partial) build did not touch.</summary>
    public void KeepPrevious(string scope)
    {
        if (_previous.TryGetValue(scope, out var entry) && !_current.ContainsKey(scope)) _current[scope] = entry;
    }

    public void Record(string scope, string inputHash, IReadOnlyList<Artifact> artifacts) =>
        _current[scope] = new Entry(inputHash, artifacts.OrderBy(a => a.Path, StringComparer.Ordinal).ToList());

    public byte[] Serialize() => BuildJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("schema", 1);
        writer.WriteStartObject("scopes");
        foreach (var (scope, entry) in _current.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(scope);
            writer.WriteString("inputHash", entry.InputHash);
            BuildJson.WriteArtifacts(writer, entry.Artifacts);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>Carries an unchanged artifact into the staging folder without rewriting its bytes.</summary>
    public void CarryOver(Artifact artifact, Staging staging)
    {
        var source = Path.Combine(_outputDirectory, artifact.Path);
        var target = staging.PathOf(artifact.Path);
        if (!OperatingSystem.IsWindows() && link(source, target) == 0) return;
        File.Copy(source, target, overwrite: true);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int link(string oldpath, string newpath);
}

/// <summary>Computes the input hash of each scope.</summary>
internal sealed class InputHasher
{
    private readonly Course _course;
    private readonly string _shared;

    public InputHasher(Course course, IReadOnlyList<OutputFormat> formats, string toolIdentity, TemplateEngine templates)
    {
        _course = course;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "tool", toolIdentity);
        Add(hash, "formats", string.Join(',', formats.Order()));
        // SCORM zips are stamped with it (DeterministicZip.Timestamp), so a change must rebuild them.
        Add(hash, "source-date-epoch", Environment.GetEnvironmentVariable(BuildDate.Variable) ?? "");
        foreach (var (name, bytes) in templates.Inputs()) Add(hash, "template:" + name, bytes);
        foreach (var (name, bytes) in RuntimeBundle.Inputs()) Add(hash, "runtime:" + name, bytes);
        AddFile(hash, "course.yml");
        if (course.Theme.Logo is { } logo) AddFile(hash, logo);
        _shared = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The tool's identity: its version and the build of its library, so a rebuilt tool never reuses old artifacts.</summary>
    public static string DefaultToolIdentity { get; } =
        $"{ToolInfo.Version}/{typeof(InputHasher).Assembly.ManifestModule.ModuleVersionId}";

    public string Module(Module module)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "shared", _shared);
        Add(hash, "module", module.Id);
        foreach (var file in Directory.EnumerateFiles(module.Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            AddFile(hash, Path.GetRelativePath(_course.ContentDirectory, file));
        foreach (var asset in module.Assets) AddFile(hash, asset);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public string Course(IEnumerable<string> moduleHashes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "shared", _shared);
        foreach (var moduleHash in moduleHashes) Add(hash, "module", moduleHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void AddFile(IncrementalHash hash, string relative)
    {
        var full = Path.Combine(_course.ContentDirectory, relative);
        Add(hash, "file:" + relative.Replace('\\', '/'), File.Exists(full) ? File.ReadAllBytes(full) : []);
    }

    private static void Add(IncrementalHash hash, string label, string value) => Add(hash, label, Encoding.UTF8.GetBytes(value));

    private static void Add(IncrementalHash hash, string label, byte[] value)
    {
        // Length-prefixed, so no two different input lists hash the same.
        hash.AppendData(BitConverter.GetBytes(label.Length));
        hash.AppendData(Encoding.UTF8.GetBytes(label));
        hash.AppendData(BitConverter.GetBytes(value.LongLength));
        hash.AppendData(value);
    }
}
