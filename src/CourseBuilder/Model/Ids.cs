namespace CourseBuilder.Model;

/// <summary>
/// Ids become HTML ids, SCORM identifiers (xsd:ID, so no leading digit) and interaction ids, so
/// they are restricted to a letter followed by letters, digits, '-' and '_'.
/// </summary>
public static class Ids
{
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
