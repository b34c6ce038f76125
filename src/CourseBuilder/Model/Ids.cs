namespace CourseBuilder.Model;

/// <summary>
/// Ids become HTML ids, SCORM identifiers (xsd:ID, so no leading digit) and interaction ids, so
/// they are restricted to a letter followed by letters, digits, '-' and '_'.
/// </summary>
public static class Ids
{
    /// <summary>
    /// The id of a lesson's page in the player, unique across the course so the whole-course
    /// package can hold every module. The loader rewrites links between lessons to it, and the
    /// HTML and PDF stages name their pages and anchors with it.
    /// </summary>
    public static string LessonPage(string moduleId, string lessonId) => $"{moduleId}--{lessonId}";

    /// <summary>The id of a module's graded quiz page.</summary>
    public static string QuizPage(string moduleId) => LessonPage(moduleId, "quiz");

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
