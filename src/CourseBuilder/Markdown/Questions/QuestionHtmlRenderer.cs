using CourseBuilder.Model;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CourseBuilder.Markdown.Questions;

/// <summary>
/// A question as a form: a fieldset whose legend is the question's last stem paragraph, native
/// radio or checkbox inputs, per-choice feedback and the explanation (hidden until answered), and
/// a live region the player fills. Knowledge checks carry their key in data attributes; graded
/// questions do not (the player grades them from the quiz data).
/// </summary>
public sealed class QuestionHtmlRenderer : HtmlObjectRenderer<QuestionBlock>
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
        var id = "q-" + q.Id;
        var kind = q.Graded ? "graded" : "check";
        renderer.EnsureLine();
        renderer.Write("<form class=\"cb-question cb-question--").Write(kind);
        if (q.Scenario is not null) renderer.Write(" cb-question--scenario");
        renderer.Write("\" id=\"").WriteEscape(id).Write("\" data-question-id=\"").WriteEscape(q.Id)
            .Write("\" data-type=\"").Write(TypeName(q.Type)).Write("\" novalidate")
            .Write(q.Graded ? " hidden" : "").Write(">").WriteLine();

        if (q.Scenario is { } scenario)
        {
            renderer.Write("<figure class=\"cb-post\">").WriteLine();
            renderer.Write("<figcaption class=\"cb-post__meta\"><span class=\"cb-post__label\">Post</span>");
            if (scenario.Author is { } author) renderer.Write(" <span class=\"cb-post__author\">").WriteEscape(author).Write("</span>");
            if (scenario.Platform is { } platform) renderer.Write(" <span class=\"cb-post__platform\">on ").WriteEscape(platform).Write("</span>");
            renderer.Write("</figcaption>").WriteLine();
            renderer.Write("<blockquote class=\"cb-post__body\">").WriteLine();
            renderer.WriteChildren(scenario.Post);
            renderer.Write("</blockquote>").WriteLine();
            renderer.Write("</figure>").WriteLine();
        }

        var legend = q.Stem.LastOrDefault() as ParagraphBlock;
        var before = legend is null ? q.Stem : q.Stem.Take(q.Stem.Count - 1).ToList();
        if (before.Count > 0)
        {
            renderer.Write("<div class=\"cb-question__stem\">").WriteLine();
            foreach (var b in before) renderer.Write(b);
            renderer.Write("</div>").WriteLine();
        }

        renderer.Write("<fieldset class=\"cb-question__choices\">").WriteLine();
        renderer.Write("<legend class=\"cb-question__legend\">");
        if (legend is not null) renderer.WriteLeafInline(legend);
        else renderer.Write(q.Scenario is not null ? "Would you post this?" : "Choose an answer");
        renderer.Write("</legend>").WriteLine();
        if (q.Type == QuestionType.Multiple)
            renderer.Write("<p class=\"cb-question__hint\">Select all that apply.</p>").WriteLine();

        var inputType = q.Type == QuestionType.Multiple ? "checkbox" : "radio";
        foreach (var choice in q.Choices)
        {
            var choiceId = $"{id}-{choice.Key}";
            renderer.Write("<div class=\"cb-choice\" data-key=\"").Write(choice.Key.ToString()).Write("\"");
            if (choice.Pinned) renderer.Write(" data-pinned=\"true\"");
            if (!q.Graded && choice.Correct) renderer.Write(" data-correct=\"true\"");
            renderer.Write(">").WriteLine();
            renderer.Write("<input type=\"").Write(inputType).Write("\" name=\"").WriteEscape(id).Write("\" id=\"").WriteEscape(choiceId)
                .Write("\" value=\"").Write(choice.Key.ToString()).Write("\">").WriteLine();
            renderer.Write("<label for=\"").WriteEscape(choiceId).Write("\">");
            renderer.WriteLeafInline(choice.Text);
            renderer.Write("</label>").WriteLine();
            if (choice.Feedback.Count > 0)
            {
                renderer.Write("<div class=\"cb-choice__feedback\" id=\"").WriteEscape(choiceId).Write("-feedback\" hidden>").WriteLine();
                foreach (var b in choice.Feedback) renderer.Write(b);
                renderer.Write("</div>").WriteLine();
            }
            renderer.Write("</div>").WriteLine();
        }
        renderer.Write("</fieldset>").WriteLine();

        if (!q.Graded)
            renderer.Write("<div class=\"cb-question__actions\"><button type=\"submit\" class=\"cb-button\">Check answer</button></div>").WriteLine();
        renderer.Write("<div class=\"cb-question__status\" role=\"status\" aria-live=\"polite\"></div>").WriteLine();
        if (q.Explanation.Count > 0)
        {
            renderer.Write("<div class=\"cb-question__explanation\" hidden>").WriteLine();
            renderer.Write("<p class=\"cb-question__explanation-label\">Explanation</p>").WriteLine();
            foreach (var b in q.Explanation) renderer.Write(b);
            renderer.Write("</div>").WriteLine();
        }
        renderer.Write("</form>").WriteLine();
    }

    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Multiple => "multiple",
        QuestionType.TrueFalse => "true-false",
        _ => "single",
    };
}
