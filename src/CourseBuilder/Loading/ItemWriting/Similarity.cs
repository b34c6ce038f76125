using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown;
using CourseBuilder.Model;

namespace CourseBuilder.Loading.ItemWriting;

/// <summary>
/// CB0108: a knowledge check that is nearly a graded item teaches the answer to that item. Two
/// questions are compared by the Jaccard index of their word sets (stem, scenario post and
/// choices, lower-cased): shared words over all words. At 0.8 or more they are the same question
/// with a word or two changed.
/// </summary>
public static partial class Similarity
{
    public const double Threshold = 0.8;

    public static IEnumerable<Finding> RepeatedItems(IReadOnlyList<Question> knowledgeChecks, IReadOnlyList<Question> graded)
    {
        var gradedWords = graded.Select(q => (Question: q, Words: Words(q))).ToList();
        foreach (var check in knowledgeChecks)
        {
            var words = Words(check);
            var best = gradedWords.Select(g => (g.Question, Score: Jaccard(words, g.Words)))
                .Where(p => p.Score >= Threshold)
                .OrderByDescending(p => p.Score).ThenBy(p => p.Question.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Question is { } twin)
                yield return new(DiagnosticCode.KnowledgeCheckRepeatsGradedItem, check.Location,
                    $"knowledge check '{check.Id}' is nearly graded question '{twin.Id}' ({Path.GetFileName(twin.Location.Path)}:{twin.Location.Line}; " +
                    $"{(int)Math.Round(best.Score * 100, MidpointRounding.AwayFromZero)}% of their words shared): practise the skill on a different case");
        }
    }

    public static IReadOnlySet<string> Words(Question question)
    {
        var text = string.Join(' ', new[] { question.StemText, question.Scenario is { } s ? PlainText.Of((Markdig.Syntax.Block)s.Post) : "" }
            .Concat(question.Choices.Select(c => c.PlainText)));
        return Words(text);
    }

    public static IReadOnlySet<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
