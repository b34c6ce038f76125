using RazorLight.Razor;

namespace CourseBuilder.Html;

/// <summary>
/// Where a template name is looked up, as Hugo looks up layouts: the module's
/// <c>templates/</c> folder, then the course's, then the templates built into the tool. The
/// first file found wins, so a course overrides one partial without copying the rest.
/// </summary>
public sealed class TemplateLookup : RazorLightProject
{
    public const string Extension = ".cshtml";
    private const string BuiltInPrefix = "CourseBuilder.Html.Templates/";

    /// <summary>Every template the tool ships, by name ("player", "partials/header", "directives/callout").</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = EmbeddedFiles.Names(BuiltInPrefix)
        .Select(n => n[BuiltInPrefix.Length..].Replace('\\', '/'))
        .Select(n => n[..^Extension.Length])
        .ToList();

    /// <summary>Override folders, most specific first; each exists.</summary>
    public IReadOnlyList<string> Folders { get; }

    public TemplateLookup(IEnumerable<string> folders) =>
        Folders = folders.Where(Directory.Exists).Select(Path.GetFullPath).ToList();

    /// <summary>The file that overrides <paramref name="name"/> in this lookup, or null when the built-in one is used.</summary>
    public string? OverrideOf(string name)
    {
        foreach (var folder in Folders)
        {
            var file = Path.Combine(folder, name + Extension);
            if (File.Exists(file)) return file;
        }
        return null;
    }

    /// <summary>The source of <paramref name="name"/> as this lookup resolves it, or null if there is none.</summary>
    public byte[]? Source(string name)
    {
        if (OverrideOf(name) is { } file) return File.ReadAllBytes(file);
        return BuiltInNames.Contains(name, StringComparer.Ordinal) ? BuiltIn(name) : null;
    }

    public static byte[] BuiltIn(string name) => EmbeddedFiles.Read(BuiltInPrefix + name + Extension);

    /// <summary>RazorLight asks by key: the template's name, as written in Layout and IncludeAsync.</summary>
    public override Task<RazorLightProjectItem> GetItemAsync(string templateKey) =>
        Task.FromResult<RazorLightProjectItem>(new Item(templateKey, Source(Normalize(templateKey))));

    public override Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey) =>
        Task.FromResult(Enumerable.Empty<RazorLightProjectItem>());

    /// <summary>"/partials/header.cshtml" and "partials/header" name the same template.</summary>
    public static string Normalize(string key)
    {
        var name = key.Replace('\\', '/').TrimStart('/');
        return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name[..^Extension.Length] : name;
    }

    private sealed class Item(string key, byte[]? source) : RazorLightProjectItem
    {
        public override string Key => key;
        public override bool Exists => source is not null;
        public override Stream Read() => new MemoryStream(source ?? throw new FileNotFoundException($"no template named '{key}'"));
    }
}
