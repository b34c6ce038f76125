using CourseBuilder.Markdown.Callouts;
using CourseBuilder.Model;
using CourseBuilder.Pdf.Layout;
using CourseBuilder.Markdown.PdfRendering;

namespace CourseBuilder.Markdown.Questions;

/// <summary>
/// In the student guide a knowledge check prints as the question alone (empty circles or boxes to
/// mark), numbered, with its answer at the back. In the facilitator guide it prints as its key.
/// Unbound blocks (no model) print as authored.
/// </summary>
public sealed class QuestionPdfRenderer : PdfObjectRenderer<QuestionBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, QuestionBlock block)
    {
        if (block.Model is not { } q) { renderer.WriteChildren(block); return; }
        if (renderer.Options.Audience == GuideAudience.Facilitator) { renderer.Add(QuestionPdf.KeyEntry(renderer, q, context: null)); return; }
        renderer.Options.PrintedQuestions.Add(q);
        renderer.Add(QuestionPdf.StudentQuestion(renderer, q, renderer.Options.PrintedQuestions.Count));
    }
}

/// <summary>The printed forms of a question, built from the Markdown nodes the question holds.</summary>
public static class QuestionPdf
{
    public static string Letter(Choice c) => char.ToUpperInvariant(c.Key).ToString();

    public static string TypeName(Question q) => q.Type switch
    {
        QuestionType.Multiple => "Multiple response",
        QuestionType.TrueFalse => "True or false",
        _ => "Single choice",
    };

    public static IComponent StudentQuestion(PdfMarkdownRenderer renderer, Question q, int number)
    {
        var styles = renderer.Styles;
        // A question is read as a whole: keep it on one page (a question taller than a page still breaks).
        var box = new Box(new Frame { X = 0, Width = 0, Border = styles.Rule, Bar = styles.Accent, BarWidth = 3 }) { Padding = 10, KeepTogether = true };
        var label = CalloutPdfRenderer.LabelLine(renderer, (q.Scenario is null ? "Knowledge check " : "Scenario ") + number, null, styles.Accent);
        box.Add(new Anchored(renderer.Options.QuestionAnchor(q), [label]));
        AddQuestionBody(renderer, q, box.Children);
        box.Add(Choices(renderer, q, withKey: false));
        box.Add(new PageReference("Answer on page ", renderer.Options.AnswerAnchor(q), "", styles.Small with { Color = styles.Link }));
        return box;
    }

    private static void AddQuestionBody(PdfMarkdownRenderer renderer, Question q, List<IComponent> into)
    {
        var styles = renderer.Styles;
        if (q.Scenario is { } scenario)
        {
            var post = new Box(new Frame { X = 0, Width = 0, Fill = styles.Tint, Border = styles.Rule }) { Padding = 8, SpaceBefore = 6 };
            var meta = "Post" + (scenario.Author is { } a ? " by " + a : "") + (scenario.Platform is { } p ? " on " + p : "");
            post.Add(new Paragraph([new TextRun(meta, styles.Label with { Color = styles.Muted })], styles.Body) { SpaceBefore = 0, KeepWithNext = true });
            post.Children.AddRange(renderer.RenderChildren(scenario.Post));
            into.Add(post);
        }
        into.AddRange(renderer.RenderBlocks(q.Stem));
        if (q.Type == QuestionType.Multiple)
            into.Add(new Paragraph([new TextRun("Select all that apply.", styles.Body.WithItalic() with { Color = styles.Muted })], styles.Body) { SpaceBefore = 2 });
    }

    public static IComponent Choices(PdfMarkdownRenderer renderer, Question q, bool withKey)
    {
        var styles = renderer.Styles;
        var shape = q.Type == QuestionType.Multiple ? LabelShape.Square : LabelShape.Circle;
        var items = new List<ListItem>();
        foreach (var choice in q.Choices)
        {
            var runs = renderer.Runs(choice.Text, styles.Body);
            var body = new List<IComponent>();
            if (withKey)
            {
                var mark = choice.Correct ? new TextRun("Correct: ", styles.Body.WithBold() with { Color = styles.Correct }) : new TextRun("Incorrect: ", styles.Body with { Color = styles.Muted });
                runs.Insert(0, mark);
                if (choice.Correct) runs = runs.Select(r => r == mark ? r : r with { Style = r.Style.WithBold() }).ToList();
            }
            body.Add(new Paragraph(runs, styles.Body) { SpaceBefore = 0 });
            if (withKey && choice.Feedback.Count > 0)
            {
                var feedback = new Box(new Frame { X = 0, Width = 0, Bar = styles.Rule, BarWidth = 2 }) { Padding = 4, SpaceBefore = 2 };
                feedback.Children.AddRange(renderer.RenderBlocks(choice.Feedback));
                body.Add(feedback);
            }
            items.Add(new ListItem(Letter(choice), body, withKey ? LabelShape.Text : shape));
        }
        return new ListComponent(items) { SpaceBefore = 6, ItemSpacing = 4, LabelStyle = styles.Body.WithBold() };
    }

    /// <summary>The student's answer at the back: the correct letters and text, then the explanation.</summary>
    public static IComponent StudentAnswer(PdfMarkdownRenderer renderer, Question q, int number)
    {
        var styles = renderer.Styles;
        var column = new Column("Div") { SpaceBefore = 10 };
        var title = new List<TextRun>
        {
            new((q.Scenario is null ? "Knowledge check " : "Scenario ") + number, styles.Body.WithBold() with { Color = styles.Link }, LinkTarget.Internal(renderer.Options.QuestionAnchor(q))),
        };
        column.Add(new Anchored(renderer.Options.AnswerAnchor(q), [new Paragraph(title, styles.Body) { SpaceBefore = 0, KeepWithNext = true }]));
        column.Add(new PageReference("(question on page ", renderer.Options.QuestionAnchor(q), ")", styles.Small with { Color = styles.Link }) { SpaceBefore = 0, KeepWithNext = true });
        var answer = new List<TextRun> { new("Answer: ", styles.Body.WithBold()) };
        var first = true;
        foreach (var c in q.CorrectChoices)
        {
            if (!first) answer.Add(new TextRun("; ", styles.Body));
            answer.Add(new TextRun(Letter(c) + ". ", styles.Body.WithBold()));
            answer.AddRange(renderer.Runs(c.Text, styles.Body));
            first = false;
        }
        column.Add(new Paragraph(answer, styles.Body) { SpaceBefore = 2 });
        column.Children.AddRange(renderer.RenderBlocks(q.Explanation));
        return column;
    }

    /// <summary>The facilitator's key: id, type and objective, the question, every choice marked with its feedback, and the explanation.</summary>
    public static IComponent KeyEntry(PdfMarkdownRenderer renderer, Question q, string? context)
    {
        var styles = renderer.Styles;
        var column = new Column("Div") { SpaceBefore = 14 };
        var level = Math.Clamp(3 + renderer.Options.HeadingOffset, 1, 6);
        var headingStyle = styles.Heading(level);
        column.Add(new Paragraph([new TextRun(q.Id, headingStyle)], headingStyle, "H" + level)
        {
            SpaceBefore = 0, KeepWithNext = true, LineSpacing = Leading.Heading, Outline = new OutlineEntry(level, q.Id),
        });
        var meta = TypeName(q) + (q.Graded ? " · graded quiz" : " · knowledge check") + (q.ObjectiveId is { } o ? " · assesses " + o : "") + (context is null ? "" : " · " + context);
        column.Add(new Paragraph([new TextRun(meta, styles.Small)], styles.Small) { SpaceBefore = 0, KeepWithNext = true });
        AddQuestionBody(renderer, q, column.Children);
        column.Add(Choices(renderer, q, withKey: true));
        if (q.Explanation.Count > 0)
        {
            column.Add(new Paragraph([new TextRun("Explanation", styles.Body.WithBold())], styles.Body) { SpaceBefore = 8, KeepWithNext = true });
            column.Children.AddRange(renderer.RenderBlocks(q.Explanation));
        }
        return column;
    }
}
