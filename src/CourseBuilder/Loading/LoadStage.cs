using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Loading;

/// <summary>
/// The first stage of the pipeline: reads a content folder into an immutable <see cref="Course"/>,
/// reporting every problem it finds into the bag. Modules load in parallel. Returns null only
/// when nothing usable could be read; otherwise the caller decides by <see cref="DiagnosticBag.HasErrors"/>.
/// </summary>
public static partial class LoadStage
{
    public const string CourseFile = "course.yml";
    public const string ModuleFile = "module.yml";
    public const string QuizFile = "quiz.md";
    public const string FacilitatorFile = "facilitator.md";
    public const string ModulesFolder = "modules";

    /// <summary>Files in a module folder that are neither lessons nor ours to read.</summary>
    private static readonly HashSet<string> IgnoredMarkdown = new(StringComparer.OrdinalIgnoreCase) { "README.md", "NOTES.md" };

    public static Course? Load(string contentDirectory, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(contentDirectory);
        var coursePath = Path.Combine(root, CourseFile);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(DiagnosticCode.MissingFile, SourceLocation.File(root), "content folder not found");
            return null;
        }
        if (!File.Exists(coursePath))
        {
            diagnostics.Error(DiagnosticCode.MissingFile, SourceLocation.File(coursePath), "course.yml not found: every content folder starts with one (see docs/authoring-guide.md)");
            return null;
        }
        InputFiles.Use(InputFiles.Limits.Default);
        var settings = CourseSettingsReader.Read(coursePath, diagnostics);
        if (settings is null) return null;

        if (settings.Theme.Logo is { } logo)
        {
            var logoPath = Path.GetFullPath(Path.Combine(root, logo));
            if (!logoPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !InputFiles.IsInside(logoPath, root))
                diagnostics.Error(DiagnosticCode.PathOutsideContent, settings.LogoLocation, $"logo '{logo}' resolves outside the content folder");
            else if (!File.Exists(logoPath))
                diagnostics.Error(DiagnosticCode.MissingImage, settings.LogoLocation, $"logo '{logo}' not found");
            else
                ImageFiles.Check(logoPath, logo, settings.LogoLocation, diagnostics);
        }

        var modulesRoot = Path.Combine(root, ModulesFolder);
        var folders = Directory.Exists(modulesRoot)
            ? OrderedEntries(Directory.GetDirectories(modulesRoot).Where(f => IsInsideContent(f, root, diagnostics)), diagnostics)
            : [];
        // Before any module is read: a pipe or a looping link must be reported, never opened.
        foreach (var folder in folders) InputFiles.CheckFolder(folder.Path, diagnostics);
        if (Directory.Exists(Path.Combine(root, "templates"))) InputFiles.CheckFolder(Path.Combine(root, "templates"), diagnostics);
        if (folders.Count == 0)
            diagnostics.Error(DiagnosticCode.NoModules, SourceLocation.File(coursePath), $"no module folders found under '{ModulesFolder}/' (expected folders such as 'modules/01-introduction/')");

        var modules = new Module?[folders.Count];
        Parallel.For(0, folders.Count, i =>
            modules[i] = ModuleLoader.Load(root, folders[i].Path, folders[i].Number, folders[i].Slug, settings.AllowRawScripts, diagnostics));

        var loaded = modules.OfType<Module>().ToList();
        var course = new Course(settings.Id, settings.Title, settings.Subtitle, settings.Institution, settings.Language,
            settings.Version, settings.ReleaseDate, settings.Authors, settings.PassMark, settings.Attempts, settings.PageSize,
            settings.Outputs, settings.Theme, settings.AllowRawScripts, loaded, root, settings.Location)
        {
            Review = settings.Review, RevealAnswers = settings.RevealAnswers, Scorm12Outcome = settings.Scorm12Outcome,
        };
        CourseChecks.Run(course, diagnostics);
        return course;
    }

    private static bool IsInsideContent(string folder, string root, DiagnosticBag diagnostics)
    {
        if (InputFiles.IsInside(folder, root)) return true;
        diagnostics.Error(DiagnosticCode.PathOutsideContent, SourceLocation.File(folder),
            $"module folder '{Path.GetFileName(folder)}' is a symbolic link that leads outside the content folder; move the module into the content folder");
        return false;
    }

    internal sealed record OrderedEntry(string Path, int Number, string Slug);

    /// <summary>Entries named <c>NN-slug</c>, in numeric order; others are reported and skipped.</summary>
    internal static List<OrderedEntry> OrderedEntries(IEnumerable<string> paths, DiagnosticBag diagnostics)
    {
        var result = new List<OrderedEntry>();
        foreach (var path in paths)
        {
            var name = Path.GetFileNameWithoutExtension(path.TrimEnd(Path.DirectorySeparatorChar));
            if (Directory.Exists(path)) name = Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar));
            var match = OrderedName().Match(name);
            if (!match.Success && NumberedName().Match(name) is { Success: true } numbered)
            {
                // Numbered, so meant to be read: say what is wrong with the rest of the name.
                var kind = Directory.Exists(path) ? "folder" : "file";
                var extension = Directory.Exists(path) ? "" : System.IO.Path.GetExtension(path);
                var rest = Slug(numbered.Groups[2].Value);
                var suggestion = rest.Length > 0 && char.IsAsciiLetter(rest[0]) ? $"; rename it '{numbered.Groups[1].Value}-{rest}{extension}'" : "";
                diagnostics.Error(DiagnosticCode.UnusableFileName, SourceLocation.File(path),
                    $"{kind} '{name}{extension}' is not read: after its number a name may use only letters a-z (no accents), digits, '-' and '_', and must start with a letter, because it becomes an id{suggestion}");
                continue;
            }
            if (!match.Success)
            {
                diagnostics.Warning(DiagnosticCode.UnorderedName, SourceLocation.File(path),
                    $"'{name}' is skipped: name it with an order number first, such as '01-{name}'");
                continue;
            }
            result.Add(new OrderedEntry(path, int.Parse(match.Groups[1].Value), match.Groups[2].Value));
        }
        return result.OrderBy(e => e.Number).ThenBy(e => e.Slug, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^(\d{1,4})-([A-Za-z][A-Za-z0-9_-]*)$")]
    private static partial Regex OrderedName();

    [GeneratedRegex(@"^(\d{1,4})-(.+)$")]
    private static partial Regex NumberedName();

    /// <summary>"Café au lait" as "Cafe-au-lait": accents dropped, other characters as single dashes.</summary>
    /// <remarks>By table, not Unicode decomposition: the tool runs with invariant globalization, where Normalize does not decompose.</remarks>
    private static string Slug(string name)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (c is >= '\u0300' and <= '\u036F') continue; // a combining accent, as macOS writes file names
            var plain = Accented.IndexOf(c) is var i and >= 0 ? Unaccented[i] : c;
            if (char.IsAsciiLetterOrDigit(plain) || plain is '_' or '-') sb.Append(plain);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťţùúûüūůűųýÿźżžÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮŁÑŃŇÒÓÔÕÖØŌŐŔŘŚŠŞŤŢÙÚÛÜŪŮŰŲÝŸŹŻŽ";
    private const string Unaccented = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrsssttuuuuuuuuyyzzzAAAAAAAAACCCDEEEEEEEEIIIIIILNNNOOOOOOOORRSSSTTUUUUUUUUYYZZZ";
}
