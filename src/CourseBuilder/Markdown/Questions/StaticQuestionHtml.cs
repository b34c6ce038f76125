using CourseBuilder.Model;
using Markdig.Renderers;
using Markdig.Syntax;

namespace CourseBuilder.Markdown.Questions;

/// <summary>
/// A knowledge check for a page that runs no script: the question and its lettered choices,
/// then a &lt;details&gt; disclosure holding the answer, each choice's feedback and the
/// explanation. The disclosure opens with the keyboard and is announced by screen readers
/// without any script; where an LMS's HTML filter drops &lt;details&gt;, the answer still follows
/// the question as ordinary text under its "Show the answer" heading.
/// </summary>
internal static class StaticQuestionHtml
{
    public static void Write(HtmlRenderer renderer, Question q)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"cb-question\" id=\"q-").WriteEscape(q.Id).Write("\">").WriteLine();
        if (q.Scenario is { } scenario)
        {
            renderer.Write("<p><strong>Post</strong>");
            if (scenario.Author is { } author) renderer.Write(" by ").WriteEscape(author);
            if (scenario.Platform is { } platform) renderer.Write(" on ").WriteEscape(platform);
            renderer.Write("</p>").WriteLine();
            renderer.Write("<blockquote>").WriteLine();
            renderer.WriteChildren(scenario.Post);
            renderer.Write("</blockquote>").WriteLine();
        }
        foreach (var block in q.Stem) renderer.Write(block);
        if (q.Stem.Count == 0)
            renderer.Write("<p>").Write(q.Scenario is not null ? "Would you post this?" : "Choose an answer.").Write("</p>").WriteLine();
        if (q.Type == QuestionType.Multiple) renderer.Write("<p><em>Select all that apply.</em></p>").WriteLine();

        renderer.Write("<ol type=\"a\">").WriteLine();
        foreach (var choice in q.Choices)
        {
            renderer.Write("<li>");
            renderer.WriteLeafInline(choice.Text);
            renderer.Write("</li>").WriteLine();
        }
        renderer.Write("</ol>").WriteLine();

        renderer.Write("<details>").WriteLine();
        renderer.Write("<summary>Show the answer</summary>").WriteLine();
        var correct = q.CorrectChoices.ToList();
        renderer.Write("<p><strong>").Write(correct.Count > 1 ? "Correct answers: " : "Correct answer: ").Write("</strong>");
        for (var i = 0; i < correct.Count; i++)
        {
            if (i > 0) renderer.Write("; ");
            renderer.Write(correct[i].Key.ToString()).Write(". ");
            renderer.WriteLeafInline(correct[i].Text);
        }
        renderer.Write("</p>").WriteLine();
        if (q.Choices.Any(c => c.Feedback.Count > 0))
        {
            renderer.Write("<ul>").WriteLine();
            foreach (var choice in q.Choices.Where(c => c.Feedback.Count > 0))
            {
                renderer.Write("<li><strong>").Write(choice.Key.ToString()).Write(". ");
                renderer.WriteLeafInline(choice.Text);
                renderer.Write("</strong> (").Write(choice.Correct ? "correct" : "not correct").Write(")").WriteLine();
                foreach (var block in choice.Feedback) renderer.Write(block);
                renderer.Write("</li>").WriteLine();
            }
            renderer.Write("</ul>").WriteLine();
        }
        if (q.Explanation.Count > 0)
        {
            renderer.Write("<p><strong>Explanation</strong></p>").WriteLine();
            foreach (var block in q.Explanation) renderer.Write(block);
        }
        renderer.Write("</details>").WriteLine();
        renderer.Write("</div>").WriteLine();
    }
}
