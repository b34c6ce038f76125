using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Loading;

/// <summary>
/// The first stage of the pipeline: reads a content folder into an immutable <see cref="Course"/>,
/// reporting every problem it finds into the bag. Modules load in parallel. Returns null only
/// when nothing usable could be read; otherwise the caller decides by <see cref="DiagnosticBag.HasErrors"/>.
/// </summary>
public static partial class CourseLoader
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
        var settings = CourseSettingsReader.Read(coursePath, diagnostics);
        if (settings is null) return null;

        if (settings.Theme.Logo is { } logo)
        {
            var logoPath = Path.GetFullPath(Path.Combine(root, logo));
            if (!logoPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                diagnostics.Error(DiagnosticCode.PathOutsideContent, settings.LogoLocation, $"logo '{logo}' resolves outside the content folder");
            else if (!File.Exists(logoPath))
                diagnostics.Error(DiagnosticCode.MissingImage, settings.LogoLocation, $"logo '{logo}' not found");
        }

        var modulesRoot = Path.Combine(root, ModulesFolder);
        var folders = Directory.Exists(modulesRoot)
            ? OrderedEntries(Directory.GetDirectories(modulesRoot), diagnostics)
            : [];
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
}
