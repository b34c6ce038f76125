using CourseBuilder.Diagnostics;
using CourseBuilder.Model;
using Markdig.Extensions.TaskLists;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Markdown.Questions;

/// <summary>
/// Reads a <see cref="QuestionBlock"/>'s Markdown into a <see cref="Question"/> and reports what
/// is wrong with it. The stem is what precedes the task list, the choices are its items (a
/// block quote in an item is that choice's feedback) and what follows is the explanation.
/// </summary>
public static class QuestionBinder
{
    public const int MaxChoices = 26;

    public static readonly IReadOnlySet<string> KnownAttributes =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "id", "type", "objective", "author", "platform" };

    public static Question? Bind(QuestionBlock block, bool graded, string path, DiagnosticBag diagnostics)
    {
        var at = Location(path, block);
        foreach (var key in block.Attributes.Keys.Where(k => !KnownAttributes.Contains(k)))
            diagnostics.Warning(DiagnosticCode.UnknownAttribute, at,
                $"unknown attribute '{key}' on ::: {block.Name}{Suggest.DidYouMean(key, KnownAttributes)}");

        var id = block.Attributes["id"];
        if (string.IsNullOrWhiteSpace(id))
        {
            diagnostics.Error(DiagnosticCode.MissingField, at, $"::: {block.Name} needs an id, for example 'id=m1-q1'");
            id = null;
        }
        else if (!Ids.IsValid(id))
        {
            diagnostics.Error(DiagnosticCode.InvalidId, at, $"id '{id}' must start with a letter and use only letters, digits, '-' and '_'");
        }

        var type = QuestionType.Single;
        switch (block.Attributes["type"]?.ToLowerInvariant())
        {
            case null or "single" or "single-choice": break;
            case "multiple" or "multiple-response": type = QuestionType.Multiple; break;
            case "true-false" or "truefalse": type = QuestionType.TrueFalse; break;
            case var other:
                diagnostics.Error(DiagnosticCode.InvalidValue, at, $"question type '{other}' is not one of single, multiple, true-false");
                break;
        }

        var listIndex = -1;
        for (var i = 0; i < block.Count; i++)
            if (block[i] is ListBlock list && list.Count > 0 && list.All(IsChoiceItem)) { listIndex = i; break; }

        if (listIndex < 0)
        {
            diagnostics.Error(DiagnosticCode.NoChoiceList, at,
                $"::: {block.Name} '{id}' has no choice list: write choices as '- [ ] wrong' and '- [x] right'");
            return null;
        }

        var stem = block.Take(listIndex).ToList();
        Scenario? scenario = null;
        if (block.IsScenario)
        {
            var post = stem.OfType<QuoteBlock>().FirstOrDefault();
            if (post is null)
                diagnostics.Error(DiagnosticCode.MissingField, at, $"scenario '{id}' needs the post as a block quote ('> …') before its choices");
            else
            {
                stem.Remove(post);
                scenario = new Scenario(post, block.Attributes["author"], block.Attributes["platform"]);
            }
        }

        var stemText = PlainText.Of(stem);
        if (stemText.Length == 0 && scenario is null)
            diagnostics.Error(DiagnosticCode.EmptyQuestionText, at, $"question '{id}' has no text before its choices");

        var choiceList = (ListBlock)block[listIndex];
        var choices = new List<Choice>();
        foreach (var item in choiceList.Cast<ListItemBlock>())
        {
            var choice = BindChoice(item, (char)('a' + Math.Min(choices.Count, 25)), path);
            choices.Add(choice);
            if (choice.PlainText.Length == 0)
                diagnostics.Error(DiagnosticCode.EmptyQuestionText, choice.Location, $"a choice of question '{id}' has no text");
        }

        var explanation = block.Skip(listIndex + 1).ToList();
        StripExplanationLabel(explanation);

        var correct = choices.Count(c => c.Correct);
        if (choices.Count < 2)
            diagnostics.Error(DiagnosticCode.TooFewChoices, at, $"question '{id}' has {choices.Count} choice; it needs at least two");
        if (choices.Count > MaxChoices)
            diagnostics.Error(DiagnosticCode.TooManyChoices, at,
                $"question '{id}' has {choices.Count} choices; SCORM 1.2 responses allow at most {MaxChoices} (a–z)");
        if (correct == 0)
            diagnostics.Error(DiagnosticCode.NoCorrectAnswer, at, $"question '{id}' has no correct answer: mark one with '- [x]'");
        if (correct > 1 && type != QuestionType.Multiple)
            diagnostics.Error(DiagnosticCode.SingleChoiceManyCorrect, at,
                $"question '{id}' is {(type == QuestionType.TrueFalse ? "true/false" : "single choice")} but marks {correct} choices correct; use 'type=multiple' or mark one");
        if (type == QuestionType.TrueFalse &&
            !(choices.Count == 2 && choices.Select(c => c.PlainText.ToLowerInvariant()).Order().SequenceEqual(["false", "true"])))
            diagnostics.Error(DiagnosticCode.TrueFalseChoices, at, $"true/false question '{id}' needs exactly two choices, 'True' and 'False'");

        foreach (var choice in choices.Where(c => c.Feedback.Count == 0))
            diagnostics.Warning(DiagnosticCode.MissingFeedback, choice.Location,
                $"choice '{choice.PlainText}' of question '{id}' has no feedback: add '> …' under it");
        if (explanation.Count == 0)
            diagnostics.Warning(DiagnosticCode.MissingExplanation, at, $"question '{id}' has no explanation after its choices");

        if (id is null) return null;
        var question = new Question(id, type, graded, block.Attributes["objective"], stem, scenario, choices, explanation, stemText, at);
        block.Model = question;
        return question;
    }

    private static bool IsChoiceItem(Block block) =>
        block is ListItemBlock item && item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList };

    private static Choice BindChoice(ListItemBlock item, char key, string path)
    {
        var paragraph = (ParagraphBlock)item[0];
        var box = (TaskList)paragraph.Inline!.FirstChild!;
        var correct = box.Checked;
        box.Remove();
        TrimLeadingSpace(paragraph.Inline);
        var pinned = StripPinAttribute(paragraph) | StripPinMarker(paragraph.Inline);
        var feedback = new List<Block>();
        foreach (var child in item.Skip(1))
        {
            if (child is QuoteBlock quote) feedback.AddRange(quote);
            else feedback.Add(child);
        }
        return new Choice(key, correct, pinned, paragraph, PlainText.Of(paragraph), feedback, Location(path, paragraph));
    }

    private static void TrimLeadingSpace(ContainerInline inline)
    {
        if (inline.FirstChild is LiteralInline literal)
        {
            var slice = literal.Content;
            slice.TrimStart();
            literal.Content = slice;
        }
    }

    /// <summary>
    /// The pipeline's generic attributes read a trailing <c>{pin}</c> as an attribute named "pin"
    /// on the choice's paragraph, leaving a trailing space in its text: takes both away; true
    /// when it was there.
    /// </summary>
    private static bool StripPinAttribute(ParagraphBlock paragraph)
    {
        var properties = paragraph.TryGetAttributes()?.Properties;
        if (properties is null || properties.RemoveAll(p => p.Key.Equals("pin", StringComparison.OrdinalIgnoreCase)) == 0) return false;
        if (paragraph.Inline?.LastChild is LiteralInline literal)
        {
            var slice = literal.Content;
            slice.TrimEnd();
            literal.Content = slice;
        }
        return true;
    }

    /// <summary>Removes a trailing <c>{pin}</c> from the choice text; true when it was there.</summary>
    private static bool StripPinMarker(ContainerInline inline)
    {
        if (inline.LastChild is not LiteralInline literal) return false;
        var text = literal.Content.ToString();
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith("{pin}", StringComparison.OrdinalIgnoreCase)) return false;
        var rest = trimmed[..^"{pin}".Length].TrimEnd();
        if (rest.Length == 0 && literal.PreviousSibling is not null) literal.Remove();
        else literal.Content = new StringSlice(rest);
        return true;
    }

    /// <summary>"Explanation:" (plain or bold) at the start of the explanation is a label for plain-Markdown readers.</summary>
    private static void StripExplanationLabel(List<Block> explanation)
    {
        if (explanation.FirstOrDefault() is not ParagraphBlock { Inline: { } inline }) return;
        var first = inline.FirstChild;
        if (first is EmphasisInline emphasis && PlainText.Of(emphasis).TrimEnd(':', '.', ' ').Equals("Explanation", StringComparison.OrdinalIgnoreCase))
        {
            var next = emphasis.NextSibling;
            emphasis.Remove();
            if (next is LiteralInline lit) StripLeading(lit, ":. ");
            return;
        }
        if (first is LiteralInline literal && literal.Content.ToString().StartsWith("Explanation", StringComparison.OrdinalIgnoreCase))
        {
            var text = literal.Content.ToString();
            var rest = text["Explanation".Length..];
            if (rest.Length == 0 || rest[0] is ':' or '.')
                literal.Content = new StringSlice(rest.TrimStart(':', '.', ' '));
        }
    }

    private static void StripLeading(LiteralInline literal, string chars) =>
        literal.Content = new StringSlice(literal.Content.ToString().TrimStart(chars.ToCharArray()));

    private static SourceLocation Location(string path, Block block) => new(path, block.Line + 1, block.Column + 1);
}
