using CourseBuilder.Html;
using CourseBuilder.Model;

namespace CourseBuilder.Scorm;

/// <summary>
/// Packages a rendered player (the HTML stage's files for a module, or for the whole course)
/// as a self-contained SCORM zip: one SCO, its manifest at the root, the schema files the
/// manifest references beside it.
/// </summary>
public static class ScormStage
{
    public const string ManifestFile = "imsmanifest.xml";

    /// <summary>The value <c>ArtifactPaths.ScormZip</c> and build-report.json use for each version.</summary>
    public static string FormatName(ScormVersion version) => version == ScormVersion.Scorm12 ? "scorm12" : "scorm2004";

    public static byte[] Package(Course course, Module? module, IReadOnlyList<PackageFile> files, ScormVersion version)
    {
        var reserved = ScormSchemas.PackagePaths(version).Append(ManifestFile).ToHashSet(StringComparer.Ordinal);
        if (files.FirstOrDefault(f => reserved.Contains(f.Path)) is { } clash)
            throw new InvalidOperationException($"the player has a file at '{clash.Path}', which the SCORM package needs for its manifest or schemas");

        // "Every file of the package listed in its resource": the schema files too, so an LMS
        // that checks the file list against the zip finds nothing unaccounted for.
        var described = Describe(course, module, files);
        var info = described with
        {
            ContentFiles = described.ContentFiles.Concat(ScormSchemas.PackagePaths(version)).Order(StringComparer.Ordinal).ToList(),
        };
        var manifest = version == ScormVersion.Scorm12 ? Scorm12Manifest.Create(info) : Scorm2004Manifest.Create(info);
        var entries = files
            .Append(new PackageFile(ManifestFile, manifest))
            .Concat(ScormSchemas.Files(version));
        return DeterministicZip.Create(entries, DeterministicZip.Timestamp(course.ReleaseDate));
    }

    public static ScormPackageInfo Describe(Course course, Module? module, IReadOnlyList<PackageFile> files)
    {
        var contentFiles = files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        if (module is not null)
        {
            return new ScormPackageInfo(
                ManifestIdentifier: $"{course.Id}.{module.Id}",
                ScopeId: module.Id,
                Title: module.Title,
                MetadataTitle: $"{course.Title}: {module.Title}",
                // description is optional in module.yml; LMS catalogues show an empty one as a blank.
                Description: string.IsNullOrWhiteSpace(module.Description) ? module.Title : module.Description,
                Keywords: module.Keywords.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                Language: course.Language,
                Version: course.Version,
                Minutes: module.Minutes,
                PassMark: module.Quiz is null ? null : module.PassMark(course),
                LaunchHref: HtmlStage.PageFile,
                ContentFiles: contentFiles);
        }

        // The whole course is one SCO, so one mastery threshold: course.yml's pass mark. The
        // player reports one score for all the module quizzes together.
        // Its description is the subtitle and the module titles: every module's full description
        // would pass LOM's 1000 characters in all but the smallest courses.
        var description = string.Join(' ', new[] { course.Subtitle }.Concat(course.Modules.Select(m => m.Title))
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => EndSentence(t!)));
        return new ScormPackageInfo(
            ManifestIdentifier: course.Id,
            ScopeId: "course",
            Title: course.Title,
            MetadataTitle: course.Subtitle is { } subtitle ? $"{course.Title}: {subtitle}" : course.Title,
            Description: description,
            Keywords: course.Modules.SelectMany(m => m.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Language: course.Language,
            Version: course.Version,
            Minutes: course.Modules.Sum(m => m.Minutes),
            PassMark: course.Modules.Any(m => m.Quiz is not null) ? course.PassMark : null,
            LaunchHref: HtmlStage.PageFile,
            ContentFiles: contentFiles);
    }

    private static string EndSentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && char.IsPunctuation(trimmed[^1]) ? trimmed : trimmed + ".";
    }
}
