using System.Globalization;
using System.Xml.Linq;
using CourseBuilder.Html;
using CourseBuilder.Model;
using CourseBuilder.Scorm;

namespace CourseBuilder.Qti;

/// <summary>
/// A module's graded quiz as the zip Canvas's "QTI .zip file" import takes, laid out as Canvas
/// itself exports a quiz (lib/cc/qti/qti_generator.rb, generate_qti_only): the manifest, the
/// assessment in &lt;quiz&gt;/&lt;quiz&gt;.xml, and the quiz settings in &lt;quiz&gt;/assessment_meta.xml,
/// a learning-application resource the assessment depends on. Canvas's importer
/// (QuizMetadataConverter.post_process_assessments) finds the settings file by the assessment's
/// ident, so the folder is named after it.
/// </summary>
public static class CanvasQtiPackage
{
    public const string FormatName = "qti";
    public const string MetaFile = "assessment_meta.xml";
    public static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
    public static readonly XNamespace Canvas = "http://canvas.instructure.com/xsd/cccv1p0";

    /// <summary>The assessment's ident: the quiz's folder name and its Canvas migration id.</summary>
    public static string QuizIdent(Course course, Module module) => $"{course.Id}-{module.Id}-quiz";

    public static byte[] Package(Course course, Module module)
    {
        var quiz = module.Quiz ?? throw new InvalidOperationException($"module '{module.Id}' has no quiz");
        var ident = QuizIdent(course, module);
        var files = new List<PackageFile>
        {
            new(ScormStage.ManifestFile, ManifestWriter.Serialize(Manifest(course, module, ident))),
            new($"{ident}/{ident}.xml", ManifestWriter.Serialize(Assessment(course, module, ident))),
            new($"{ident}/{MetaFile}", ManifestWriter.Serialize(Meta(course, module, quiz, ident))),
        };
        return DeterministicZip.Create(files, BuildDate.For(course.ReleaseDate));
    }

    public static XDocument Manifest(Course course, Module module, string ident) => new(new XDeclaration("1.0", "UTF-8", null),
        new XElement(Cp + "manifest",
            new XAttribute("identifier", $"{ident}-manifest"),
            new XAttribute("xmlns", Cp.NamespaceName),
            new XElement(Cp + "metadata",
                new XElement(Cp + "schema", "IMS Content"),
                new XElement(Cp + "schemaversion", "1.1.3")),
            new XElement(Cp + "organizations"),
            new XElement(Cp + "resources",
                new XElement(Cp + "resource",
                    new XAttribute("identifier", ident),
                    new XAttribute("type", "imsqti_xmlv1p2"),
                    new XElement(Cp + "file", new XAttribute("href", $"{ident}/{ident}.xml")),
                    new XElement(Cp + "dependency", new XAttribute("identifierref", $"{ident}-meta"))),
                new XElement(Cp + "resource",
                    new XAttribute("identifier", $"{ident}-meta"),
                    new XAttribute("type", "associatedcontent/imscc_xmlv1p1/learning-application-resource"),
                    new XAttribute("href", $"{ident}/{MetaFile}"),
                    new XElement(Cp + "file", new XAttribute("href", $"{ident}/{MetaFile}"))))));

    /// <summary>
    /// The pool as question groups: one section per draw group, whose selection_number is the
    /// number of questions Canvas picks from it per attempt and points_per_item their worth
    /// (AssessmentTestConverter.process_section reads both).
    /// </summary>
    public static XDocument Assessment(Course course, Module module, string ident)
    {
        var ns = QtiItem.Ns;
        var attempts = module.Attempts(course);
        var root = new XElement(ns + "section", new XAttribute("ident", "root_section"),
            QuizDraw.Groups(module).Select(group => new XElement(ns + "section",
                new XAttribute("ident", group.Id),
                new XAttribute("title", group.Title),
                new XElement(ns + "selection_ordering",
                    new XElement(ns + "selection",
                        new XElement(ns + "selection_number", group.Pick.ToString(CultureInfo.InvariantCulture)),
                        new XElement(ns + "selection_extension",
                            new XElement(ns + "points_per_item", QuizDraw.PointsPerQuestion.ToString(CultureInfo.InvariantCulture))))),
                group.Questions.Select(q => QtiItem.Create(q, QtiFlavor.Canvas, QuizDraw.PointsPerQuestion)))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(ns + "questestinterop",
                new XAttribute("xmlns", ns.NamespaceName),
                new XElement(ns + "assessment",
                    new XAttribute("ident", ident),
                    new XAttribute("title", module.Quiz!.Title),
                    new XElement(ns + "qtimetadata",
                        QtiItem.Field("cc_maxattempts", attempts == 0 ? "unlimited" : attempts.ToString(CultureInfo.InvariantCulture))),
                    root)));
    }

    /// <summary>The settings Canvas's QuizMetadataConverter.get_quiz_meta reads.</summary>
    public static XDocument Meta(Course course, Module module, Quiz quiz, string ident)
    {
        var attempts = module.Attempts(course);
        var points = QuizDraw.Groups(module).Sum(g => g.Pick) * QuizDraw.PointsPerQuestion;
        XElement E(string name, object value) => new(Canvas + name, value);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Canvas + "quiz",
                new XAttribute("identifier", ident),
                new XAttribute("xmlns", Canvas.NamespaceName),
                E("title", quiz.Title),
                E("description", LmsHtml.Blocks(QuizIntroduction(quiz))),
                E("shuffle_answers", quiz.Shuffle ? "true" : "false"),
                E("scoring_policy", "keep_highest"),
                E("quiz_type", "assignment"),
                E("points_possible", points.ToString(CultureInfo.InvariantCulture)),
                // Canvas: -1 is unlimited; CourseBuilder: 0 is.
                E("allowed_attempts", (attempts == 0 ? -1 : attempts).ToString(CultureInfo.InvariantCulture)),
                E("hide_results", HideResults(module.Review(course), attempts)),
                E("show_correct_answers", ShowAnswers(module.RevealAnswers(course), attempts) ? "true" : "false"),
                E("show_correct_answers_last_attempt", module.RevealAnswers(course) != AnswerReveal.Always && attempts > 0 ? "true" : "false"),
                E("one_question_at_a_time", "false"),
                E("cant_go_back", "false"),
                E("available", "false")));
    }

    /// <summary>
    /// Canvas shows correct answers always, after the last attempt, or never; it cannot wait for
    /// a pass. "After a pass or the last attempt" therefore becomes "after the last attempt", and
    /// with unlimited attempts, where there is no last one, the answers stay hidden.
    /// </summary>
    public static bool ShowAnswers(AnswerReveal reveal, int attempts) => reveal switch
    {
        AnswerReveal.Always => true,
        AnswerReveal.Never => false,
        _ => attempts > 0,
    };

    /// <summary>review: score hides the item results (until the last attempt, when there is one); other levels show them.</summary>
    public static string HideResults(ReviewLevel review, int attempts) =>
        review != ReviewLevel.Score ? "" : attempts > 0 ? "until_after_last_attempt" : "always";

    /// <summary>quiz.md's text around the questions: what the player shows on the quiz's start page.</summary>
    public static IEnumerable<Markdig.Syntax.Block> QuizIntroduction(Quiz quiz) =>
        quiz.Document.Where(b => b is not Markdown.Questions.QuestionBlock and not Markdig.Extensions.Yaml.YamlFrontMatterBlock);
}
