using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CourseBuilder.Html;
using CourseBuilder.Model;
using CourseBuilder.Qti;
using CourseBuilder.Scorm;

namespace CourseBuilder.CommonCartridge;

/// <summary>
/// An IMS Common Cartridge 1.1 (.imscc) of the whole course or of one module. The organization
/// is one root item (the course) holding an item per module, each holding its lessons and its
/// quiz: Canvas makes a module of each item under the root (org_converter, "organization &gt; item
/// &gt; item") and Moodle a course section of each item at depth 2 (cc2moodle, ROOT_DEEP). Lessons
/// are web content pages without script; graded quizzes are assessments in the CC QTI profile.
/// </summary>
public static class CommonCartridgePackage
{
    public const string FormatName = "cc";
    public const string Extension = "imscc";

    /// <summary>Canvas strips this folder's name from file paths (WEB_RESOURCES_FOLDER); Moodle keeps the layout.</summary>
    public const string WebFolder = "web_resources";

    public const string AssessmentType = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment";
    public const string AssessmentFile = "assessment.xml";

    public static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
    public static readonly XNamespace Lom = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static string PageFile(Module module, Lesson lesson) => $"{WebFolder}/{Ids.LessonPage(module.Id, lesson.Id)}.html";
    public static string QuizFolder(Module module) => $"{module.Id}-quiz";

    public static byte[] Package(Course course, Module? scope)
    {
        var modules = scope is null ? course.Modules : [scope];
        var files = new List<PackageFile>();
        var pageFiles = modules.SelectMany(m => m.Lessons.Select(l => (Id: Ids.LessonPage(m.Id, l.Id), File: PageFile(m, l))))
            .ToDictionary(p => p.Id, p => p.File, StringComparer.Ordinal);
        foreach (var module in modules)
        {
            foreach (var lesson in module.Lessons)
                files.Add(new PackageFile(PageFile(module, lesson), LessonPage(course, module, lesson, pageFiles)));
            if (module.Quiz is not null)
                files.Add(new PackageFile($"{QuizFolder(module)}/{AssessmentFile}", ManifestWriter.Serialize(Assessment(course, module))));
        }
        var assets = modules.SelectMany(m => m.Assets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var asset in assets)
            files.Add(new PackageFile($"{WebFolder}/{asset}", File.ReadAllBytes(Path.Combine(course.ContentDirectory, asset))));
        files.Add(new PackageFile(ScormStage.ManifestFile, ManifestWriter.Serialize(CartridgeManifest.Create(course, scope, modules, assets))));
        return DeterministicZip.Create(files, BuildDate.For(course.ReleaseDate));
    }

    /// <summary>
    /// A lesson as a page of its own. Links to other lessons, which the player resolves as
    /// anchors of its one page, point to their pages; images sit beside the pages at their
    /// content-relative paths, so their src needs no change.
    /// </summary>
    public static byte[] LessonPage(Course course, Module module, Lesson lesson, IReadOnlyDictionary<string, string> pageFiles)
    {
        var body = LmsHtml.Document(lesson.Document);
        foreach (var (pageId, file) in pageFiles)
            body = body.Replace($"href=\"#{pageId}\"", $"href=\"{Path.GetFileName(file)}\"", StringComparison.Ordinal);
        static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n")
            .Append("<html lang=\"").Append(Encode(course.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(lesson.Title)).Append("</title>\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode(lesson.Title)).Append("</h1>\n")
            .Append("<p><em>").Append(Encode(module.Title)).Append(" · about ")
            .Append(lesson.Minutes.ToString(CultureInfo.InvariantCulture)).Append(" minutes</em></p>\n")
            .Append(body).Append('\n')
            .Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>
    /// The module's graded quiz in the CC QTI profile, which allows one section of items and no
    /// random selection: the assessment asks the whole pool. The draw per attempt lives in the
    /// Canvas QTI zip and the Moodle XML bank, which can express it (docs/lms-upload.md).
    /// </summary>
    public static XDocument Assessment(Course course, Module module)
    {
        var quiz = module.Quiz!;
        var ns = QtiItem.Ns;
        var attempts = module.Attempts(course);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(ns + "questestinterop",
                new XAttribute("xmlns", ns.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
                new XAttribute(Xsi + "schemaLocation",
                    $"{ns.NamespaceName} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"),
                new XElement(ns + "assessment",
                    new XAttribute("ident", QuizFolder(module)),
                    new XAttribute("title", quiz.Title),
                    new XElement(ns + "qtimetadata",
                        QtiItem.Field("cc_profile", "cc.exam.v0p1"),
                        QtiItem.Field("qmd_assessmenttype", "Examination"),
                        QtiItem.Field("qmd_scoretype", "Percentage"),
                        // Moodle reads "unlimited" as no limit (cc11_quiz::generate_instances).
                        QtiItem.Field("cc_maxattempts", attempts == 0 ? "unlimited" : attempts.ToString(CultureInfo.InvariantCulture))),
                    new XElement(ns + "section",
                        new XAttribute("ident", $"{QuizFolder(module)}-section"),
                        quiz.Pool.Select(q => QtiItem.Create(q, QtiFlavor.CommonCartridge, QuizDraw.PointsPerQuestion, quiz.Shuffle))))));
    }
}
