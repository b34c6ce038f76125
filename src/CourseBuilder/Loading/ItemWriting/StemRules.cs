using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown;
using CourseBuilder.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Loading.ItemWriting;

/// <summary>
/// Rules about one graded item's words: "all/none of the above" (CB0103), a count in a
/// multiple-response lead-in (CB0104) and a negative lead-in that is not emphasised (CB0105).
/// The lead-in is the stem's last sentence, the question itself: a vignette may say "she did not
/// ask" without making the question negative.
/// </summary>
public static partial class StemRules
{
    public static IEnumerable<Finding> Check(Question question)
    {
        if (question.Choices.FirstOrDefault(c => AllOrNoneOfTheAbove().IsMatch(c.PlainText)) is { } choice)
            yield return new(DiagnosticCode.AllOrNoneOfTheAbove, question.Location,
                $"question '{question.Id}' offers '{AllOrNoneOfTheAbove().Match(choice.PlainText).Value}': a student who sees two true (or one false) choices can answer without knowing the rest; replace it with a plausible specific choice");

        var leadIn = LeadIn(question.StemText);
        if (question.Type == QuestionType.Multiple && CountCue(leadIn) is { } cue)
            yield return new(DiagnosticCode.CountCueInMultipleResponse, question.Location,
                $"the stem of multiple-response question '{question.Id}' gives the number of answers ('{cue}'): reword it so the student decides how many are correct");

        if (UnemphasisedNegative(leadIn, EmphasisedWords(question.Stem)) is { } negative)
            yield return new(DiagnosticCode.UnemphasisedNegativeStem, question.Location,
                $"the question of '{question.Id}' is negative ('{negative}') and the word is easy to miss: ask it positively, or emphasise it as **{negative.ToUpperInvariant()}**");
    }

    /// <summary>The stem's last sentence: the text after the last '.', '!' or '?' that is followed by more text.</summary>
    public static string LeadIn(string stem)
    {
        var sentences = SentenceEnd().Split(stem.Trim());
        return sentences.LastOrDefault(s => s.Trim().Length > 0)?.Trim() ?? "";
    }

    /// <summary>The count cue in a lead-in ("which two", "the four benefits", "3 of the"), or null.</summary>
    public static string? CountCue(string leadIn) =>
        CountAfterVerb().Match(leadIn) is { Success: true } m ? m.Value
        : CountBeforePlural().Match(leadIn) is { Success: true } n ? n.Value
        : null;

    /// <summary>
    /// The first negative word of the lead-in (not, except, never, least; "at least" is not one)
    /// that is neither written in capitals nor inside emphasis, or null.
    /// </summary>
    public static string? UnemphasisedNegative(string leadIn, IReadOnlySet<string> emphasised)
    {
        foreach (Match match in Negative().Matches(leadIn))
        {
            var word = match.Value;
            if (word.All(char.IsUpper) || emphasised.Contains(word.ToLowerInvariant())) continue;
            return word;
        }
        return null;
    }

    /// <summary>The lower-cased words inside emphasis (<c>*…*</c>, <c>**…**</c>) anywhere in the stem.</summary>
    public static IReadOnlySet<string> EmphasisedWords(IEnumerable<Block> stem)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in stem.SelectMany(b => b.Descendants<LeafBlock>().Prepend(b as LeafBlock)).OfType<LeafBlock>())
            if (block.Inline is { } inline)
                foreach (var emphasis in inline.Descendants<EmphasisInline>())
                    foreach (Match word in Word().Matches(PlainText.Of(emphasis)))
                        words.Add(word.Value.ToLowerInvariant());
        return words;
    }

    [GeneratedRegex(@"\b(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllOrNoneOfTheAbove();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\S)")]
    private static partial Regex SentenceEnd();

    private const string Number = @"(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-9])";

    [GeneratedRegex(@"\b(?:which|select|choose|pick|mark|tick|check|identify|name|list)\s+(?:the\s+|any\s+)?" + Number + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountAfterVerb();

    // A number, then "of the/these" or an optional word and a plural ("four benefits", "two main risks").
    [GeneratedRegex(@"\b" + Number + @"\s+(?:of\s+(?:the|these)\b|(?:[a-z-]+\s+)?[a-z-]*[a-z]s\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CountBeforePlural();

    [GeneratedRegex(@"(?<!\bat\s)\b(?:not|except|never|least)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negative();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
