using System.Net;
using System.Text.RegularExpressions;
using CourseBuilder.Markdown;
using CourseBuilder.Model;

namespace CourseBuilder.Tests.LmsFormats;

/// <summary>Text as a learner reads it, to find the authored words again in HTML written into XML.</summary>
public static partial class ImporterText
{
    /// <summary>Tags dropped, entities decoded, runs of white space made one space.</summary>
    public static string Read(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    public static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>The authored words of a question: stem, each choice, each choice's feedback, the explanation.</summary>
    public static IEnumerable<string> Parts(Question q) =>
        new[] { q.StemText }
            .Concat(q.Choices.Select(c => c.PlainText))
            .Concat(q.Choices.Select(c => PlainText.Of(c.Feedback)))
            .Append(PlainText.Of(q.Explanation))
            .Select(Normalize)
            .Where(t => t.Length > 0);

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
