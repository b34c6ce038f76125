using CourseBuilder.Markdown.Partials;
using CourseBuilder.Model;
using Markdig.Renderers;
using Markdig.Syntax;

namespace CourseBuilder.Markdown.Questions;

/// <summary>
/// A question as a form, from the partial <c>directives/question</c>: a fieldset whose legend is
/// the question's last stem paragraph, native radio or checkbox inputs, per-choice feedback and
/// the explanation (hidden until answered), and a live region the player fills. Knowledge checks
/// carry their key in data attributes; graded questions do not (the player grades them from the
/// quiz data), so their model never says which choice is correct.
/// </summary>
public sealed class QuestionHtmlRenderer : DirectivePartialRenderer<QuestionBlock>
{
    /// <summary>
    /// For pages without script (LMS pages strip it, see CommonCartridge/): a knowledge check
    /// becomes the question, its choices as a list, and a native &lt;details&gt; disclosure with
    /// the answer, every choice's feedback and the explanation. Graded questions are left out.
    /// </summary>
    public bool WithoutScript { get; set; }

    protected override void Write(HtmlRenderer renderer, QuestionBlock block)
    {
        if (block.Model is not { } q) return;
        if (WithoutScript)
        {
            if (!q.Graded) StaticQuestionHtml.Write(renderer, q);
            return;
        }
        WritePartial(renderer, "question", () => View(renderer, q));
    }

    private static QuestionView View(HtmlRenderer renderer, Question q)
    {
        var formId = "q-" + q.Id;
        var legend = q.Stem.LastOrDefault() as ParagraphBlock;
        var before = legend is null ? q.Stem : q.Stem.Take(q.Stem.Count - 1).ToList();
        var scenario = q.Scenario is { } s
            ? new ScenarioView(s.Author is { } author ? Escaped(renderer, author) : null, s.Platform is { } platform ? Escaped(renderer, platform) : null, Rendered(renderer, s.Post))
            : null;
        var choices = q.Choices.Select(c => new ChoiceView(c.Key.ToString(), Escaped(renderer, $"{formId}-{c.Key}"), c.Pinned, !q.Graded && c.Correct,
            RenderedInline(renderer, c.Text), c.Feedback.Count > 0 ? Rendered(renderer, c.Feedback) : null)).ToList();
        return new QuestionView(Escaped(renderer, q.Id), Escaped(renderer, formId), TypeName(q.Type), q.Graded, scenario,
            before.Count > 0 ? Rendered(renderer, before) : null,
            legend is not null ? RenderedInline(renderer, legend) : null,
            choices,
            q.Explanation.Count > 0 ? Rendered(renderer, q.Explanation) : null);
    }

    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Multiple => "multiple",
        QuestionType.TrueFalse => "true-false",
        _ => "single",
    };
}

/// <summary>What <c>directives/question</c> shows. The runtime finds the form by its ids and data attributes: keep them in an override.</summary>
/// <param name="IdHtml">The question's id (data-question-id).</param>
/// <param name="FormIdHtml">The form's element id ("q-" and the question's id); inputs are named after it.</param>
/// <param name="Type">single, multiple or true-false (data-type).</param>
/// <param name="Graded">True for a quiz question, hidden until the quiz draws it; false for a knowledge check.</param>
/// <param name="Scenario">The post a scenario question shows, if it is one.</param>
/// <param name="StemHtml">The stem's blocks before its last paragraph, if any.</param>
/// <param name="LegendHtml">The stem's last paragraph, as the fieldset's legend; null if the stem does not end with a paragraph.</param>
/// <param name="Choices">The choices in authored order (the player shuffles them).</param>
/// <param name="ExplanationHtml">The explanation shown once answered, if any.</param>
public sealed record QuestionView(string IdHtml, string FormIdHtml, string Type, bool Graded, ScenarioView? Scenario,
    string? StemHtml, string? LegendHtml, IReadOnlyList<ChoiceView> Choices, string? ExplanationHtml)
{
    public bool Multiple => Type == "multiple";
}

/// <param name="AuthorHtml">Who posted it, if given.</param>
/// <param name="PlatformHtml">Where, if given.</param>
/// <param name="PostHtml">The post itself.</param>
public sealed record ScenarioView(string? AuthorHtml, string? PlatformHtml, string PostHtml);

/// <param name="Key">a, b, c… in authored order: the value the LMS records.</param>
/// <param name="InputIdHtml">The input's element id; its feedback is "-feedback" after it.</param>
/// <param name="Pinned">The choice keeps its place when the others are shuffled.</param>
/// <param name="Correct">A knowledge check's correct choice; always false in a graded question.</param>
/// <param name="TextHtml">The choice's text.</param>
/// <param name="FeedbackHtml">Feedback shown when the choice is picked, if any.</param>
public sealed record ChoiceView(string Key, string InputIdHtml, bool Pinned, bool Correct, string TextHtml, string? FeedbackHtml);
