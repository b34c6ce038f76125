using System.Globalization;
using System.Xml.Linq;
using CourseBuilder.Model;
using CourseBuilder.Qti;
using CourseBuilder.Scorm;

namespace CourseBuilder.MoodleXml;

/// <summary>
/// The course's questions as a Moodle XML question bank (question/format/xml/format.php reads
/// it): categories course → module → objective holding the graded items, and one category per
/// module for its knowledge checks. A Moodle quiz with one "random question from this category"
/// slot per objective then draws as the quiz does.
/// </summary>
public static class MoodleXmlBank
{
    public const string FormatName = "moodle-xml";
    public const string KnowledgeChecksCategory = "Knowledge checks";

    public static byte[] Create(Course course, IReadOnlyList<Module> modules)
    {
        var quiz = new XElement("quiz");
        foreach (var module in modules)
        {
            if (module.Quiz is { } graded)
            {
                foreach (var (objective, questions) in QuizDraw.ByObjective(module, graded.Pool))
                {
                    quiz.Add(Category(CategoryPath(course, module, objective?.Id ?? "Other questions"),
                        objective is null ? $"Graded questions of {module.Title} without an objective." : objective.Text));
                    foreach (var q in questions) quiz.Add(Question(q, graded.Shuffle));
                }
            }
            var checks = module.Lessons.SelectMany(l => l.Questions).ToList();
            if (checks.Count > 0)
            {
                quiz.Add(Category(CategoryPath(course, module, KnowledgeChecksCategory),
                    $"The knowledge checks of {module.Title}: practice questions in its lessons, not part of the graded quiz."));
                foreach (var q in checks) quiz.Add(Question(q, shuffle: true));
            }
        }
        return ManifestWriter.Serialize(new XDocument(new XDeclaration("1.0", "UTF-8", null), quiz));
    }

    /// <summary>
    /// "$course$/top/…": the course's question bank. format.php splits a path on "/" and reads
    /// "//" as a slash inside a name, so names double theirs.
    /// </summary>
    public static string CategoryPath(Course course, Module module, string leaf) =>
        "$course$/top/" + string.Join("/", new[] { course.Title, $"{module.Number:00} {module.Title}", leaf }.Select(n => n.Replace("/", "//")));

    private static XElement Category(string path, string info) =>
        new("question", new XAttribute("type", "category"),
            new XElement("category", Text(path)),
            new XElement("info", new XAttribute("format", "html"), Text(System.Net.WebUtility.HtmlEncode(info))));

    public static XElement Question(Question q, bool shuffle)
    {
        var type = q.Type == QuestionType.TrueFalse ? "truefalse" : "multichoice";
        var question = new XElement("question", new XAttribute("type", type),
            new XElement("name", Text(q.Id)),
            new XElement("questiontext", new XAttribute("format", "html"), Text(QtiItem.StemHtml(q))),
            new XElement("generalfeedback", new XAttribute("format", "html"), Text(LmsHtml.Blocks(q.Explanation))),
            new XElement("defaultgrade", QuizDraw.PointsPerQuestion.ToString(CultureInfo.InvariantCulture)),
            new XElement("penalty", "0"),
            new XElement("hidden", "0"),
            new XElement("idnumber", q.Id));
        if (q.Type == QuestionType.TrueFalse)
        {
            // import_truefalse matches the answers by their text, which must be "true" and "false".
            foreach (var choice in q.Choices)
                question.Add(Answer(choice.Correct ? "100" : "0", QtiItem.ChoiceIdent(q, choice), "moodle_auto_format", choice));
            return question;
        }
        question.Add(
            new XElement("single", q.Type == QuestionType.Single ? "true" : "false"),
            // Moodle shuffles all answers or none: a pinned choice ("None of these") keeps the authored order.
            new XElement("shuffleanswers", shuffle && !q.Choices.Any(c => c.Pinned) ? "true" : "false"),
            new XElement("answernumbering", "abc"),
            new XElement("showstandardinstruction", "0"));
        foreach (var choice in q.Choices)
            question.Add(Answer(Fraction(q, choice), LmsHtml.Inline(choice.Text), "html", choice));
        return question;
    }

    private static XElement Answer(string fraction, string text, string format, Choice choice) =>
        new("answer", new XAttribute("fraction", fraction), new XAttribute("format", format),
            Text(text),
            new XElement("feedback", new XAttribute("format", "html"), Text(LmsHtml.Blocks(choice.Feedback))));

    /// <summary>
    /// Single choice: 100 for the key, 0 otherwise. Multiple response: the correct choices share
    /// +100 and the wrong ones share −100, so ticking everything scores nothing, each share being
    /// one of the grades Moodle's editor offers (question_bank::fraction_options_full).
    /// </summary>
    public static string Fraction(Question q, Choice choice)
    {
        if (q.Type != QuestionType.Multiple) return choice.Correct ? "100" : "0";
        var count = q.Choices.Count(c => c.Correct == choice.Correct);
        return (choice.Correct ? "" : "-") + Share(count);
    }

    /// <summary>
    /// 100/n as Moodle writes it (five decimals where it does not divide). Past 10 the editor has
    /// no such grade; the import still takes the exact share, and the editor would ask to pick one.
    /// </summary>
    public static string Share(int n) => n switch
    {
        1 => "100", 2 => "50", 3 => "33.33333", 4 => "25", 5 => "20",
        6 => "16.66667", 7 => "14.28571", 8 => "12.5", 9 => "11.11111", 10 => "10",
        _ => Math.Round(100.0 / n, 5).ToString("0.#####", CultureInfo.InvariantCulture),
    };

    private static XElement Text(string value) => new("text", value);
}
