using System.Globalization;
using System.Xml.Linq;
using CourseBuilder.Model;

namespace CourseBuilder.CommonCartridge;

/// <summary>
/// imsmanifest.xml of a Common Cartridge 1.1: LOM metadata for the course (Moodle takes the
/// course name and summary from general/title and general/description, cc2moodle::get_metadata),
/// the organization course → modules → lessons and quiz, and the resources.
/// </summary>
public static class CartridgeManifest
{
    private static readonly XNamespace Cp = CommonCartridgePackage.Cp;
    private static readonly XNamespace Lom = CommonCartridgePackage.Lom;
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string AssetsResource = "r-assets";

    public static string LessonResource(Module module, Lesson lesson) => "r-" + Ids.LessonPage(module.Id, lesson.Id);
    public static string QuizResource(Module module) => $"r-{module.Id}-quiz";

    public static XDocument Create(Course course, Module? scope, IReadOnlyList<Module> modules, IReadOnlyList<string> assets)
    {
        var title = scope is null ? course.Title : $"{course.Title}: {scope.Title}";
        var description = scope is null
            ? course.Subtitle ?? course.Title
            : string.IsNullOrWhiteSpace(scope.Description) ? scope.Title : scope.Description.Trim();
        var keywords = modules.SelectMany(m => m.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        XElement LangString(string name, string text) =>
            new(Lom + name, new XElement(Lom + "string", new XAttribute("language", course.Language), text));

        var metadata = new XElement(Cp + "metadata",
            new XElement(Cp + "schema", "IMS Common Cartridge"),
            new XElement(Cp + "schemaversion", "1.1.0"),
            new XElement(Lom + "lom",
                new XElement(Lom + "general",
                    LangString("title", title),
                    new XElement(Lom + "language", course.Language),
                    LangString("description", description),
                    keywords.Select(k => LangString("keyword", k))),
                new XElement(Lom + "lifeCycle",
                    new XElement(Lom + "contribute",
                        course.Authors.Select(a => new XElement(Lom + "entity", a)),
                        new XElement(Lom + "date",
                            new XElement(Lom + "dateTime", course.ReleaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))))));

        var root = new XElement(Cp + "item", new XAttribute("identifier", "root"),
            modules.Select(module => new XElement(Cp + "item",
                new XAttribute("identifier", "m-" + module.Id),
                new XElement(Cp + "title", module.Title),
                module.Lessons.Select(lesson => new XElement(Cp + "item",
                    new XAttribute("identifier", "i-" + Ids.LessonPage(module.Id, lesson.Id)),
                    new XAttribute("identifierref", LessonResource(module, lesson)),
                    new XElement(Cp + "title", lesson.Title))),
                module.Quiz is { } quiz
                    ? new XElement(Cp + "item",
                        new XAttribute("identifier", $"i-{module.Id}-quiz"),
                        new XAttribute("identifierref", QuizResource(module)),
                        new XElement(Cp + "title", quiz.Title))
                    : null)));

        var resources = new XElement(Cp + "resources");
        foreach (var module in modules)
        {
            foreach (var lesson in module.Lessons)
            {
                var page = CommonCartridgePackage.PageFile(module, lesson);
                resources.Add(new XElement(Cp + "resource",
                    new XAttribute("identifier", LessonResource(module, lesson)),
                    new XAttribute("type", "webcontent"),
                    new XAttribute("href", page),
                    new XElement(Cp + "file", new XAttribute("href", page)),
                    assets.Count > 0 ? new XElement(Cp + "dependency", new XAttribute("identifierref", AssetsResource)) : null));
            }
            if (module.Quiz is not null)
                resources.Add(new XElement(Cp + "resource",
                    new XAttribute("identifier", QuizResource(module)),
                    new XAttribute("type", CommonCartridgePackage.AssessmentType),
                    new XElement(Cp + "file",
                        new XAttribute("href", $"{CommonCartridgePackage.QuizFolder(module)}/{CommonCartridgePackage.AssessmentFile}"))));
        }
        // The images every page may show, once, as one resource the pages depend on.
        if (assets.Count > 0)
            resources.Add(new XElement(Cp + "resource",
                new XAttribute("identifier", AssetsResource),
                new XAttribute("type", "webcontent"),
                assets.Select(a => new XElement(Cp + "file", new XAttribute("href", $"{CommonCartridgePackage.WebFolder}/{a}")))));

        var identifier = scope is null ? course.Id : $"{course.Id}.{scope.Id}";
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Cp + "manifest",
                new XAttribute("identifier", "cc-" + identifier),
                new XAttribute("xmlns", Cp.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "lomimscc", Lom.NamespaceName),
                // The CP schema gives every resource a default imsccauth:protected attribute;
                // a validator can only add it where the namespace has a prefix.
                new XAttribute(XNamespace.Xmlns + "cc", "http://www.imsglobal.org/xsd/imsccv1p1/imsccauth_v1p1"),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
                new XAttribute(Xsi + "schemaLocation",
                    $"{Cp.NamespaceName} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd " +
                    $"{Lom.NamespaceName} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd"),
                metadata,
                new XElement(Cp + "organizations",
                    new XElement(Cp + "organization",
                        new XAttribute("identifier", "org"),
                        new XAttribute("structure", "rooted-hierarchy"),
                        root)),
                resources));
    }
}
