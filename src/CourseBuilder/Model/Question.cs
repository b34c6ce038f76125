using CourseBuilder.Diagnostics;
using Markdig.Syntax;

namespace CourseBuilder.Model;

public enum QuestionType { Single, Multiple, TrueFalse }

/// <summary>
/// A question or scenario. Its text parts are nodes of the lesson's syntax tree, so HTML and PDF
/// render the same Markdown. Graded questions come from quiz.md; the rest are knowledge checks.
/// </summary>
public sealed record Question(
    string Id,
    QuestionType Type,
    bool Graded,
    string? ObjectiveId,
    /// <summary>Blocks before the choice list (for a scenario, without the post).</summary>
    IReadOnlyList<Block> Stem,
    Scenario? Scenario,
    IReadOnlyList<Choice> Choices,
    /// <summary>Blocks after the choice list, with any "Explanation:" label removed.</summary>
    IReadOnlyList<Block> Explanation,
    /// <summary>The stem as plain text, for SCORM interaction descriptions and answer keys.</summary>
    string StemText,
    SourceLocation Location)
{
    public IEnumerable<Choice> CorrectChoices => Choices.Where(c => c.Correct);
}

/// <summary>The social-media post a scenario asks about: the first block quote of a <c>::: scenario</c>.</summary>
public sealed record Scenario(QuoteBlock Post, string? Author, string? Platform);

/// <summary>
/// One choice. <see cref="Key"/> is 'a', 'b', … in authored order: stable across shuffles, and
/// the SCORM 1.2 response character for this choice.
/// </summary>
public sealed record Choice(
    char Key,
    bool Correct,
    bool Pinned,
    /// <summary>The choice's own text (the paragraph after the task-list box).</summary>
    ParagraphBlock Text,
    string PlainText,
    IReadOnlyList<Block> Feedback,
    SourceLocation Location);
