using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Questions;
using Markdig.Syntax;

namespace CourseBuilder.Tests.Loading;

/// <summary>
/// A choice ending in {pin} keeps its place when choices are shuffled. The pipeline's generic
/// attributes extension reads "{pin}" as an HTML attribute, which once made every such choice
/// shuffle like the others.
/// </summary>
public sealed class PinnedChoiceTests
{
    private static Model.Question Parse(string lastChoice)
    {
        var document = CourseMarkdown.Parse($"""
            ::: question id=q1 type=multiple
            Which of these are true?

            - [x] One
              > Yes.
            - [ ] Two
              > No.
            {lastChoice}
              > Why.

            Explanation: Why.
            :::
            """);
        return QuestionBinder.Bind(document.Descendants<QuestionBlock>().Single(), true, "quiz.md", new DiagnosticBag())!;
    }

    [Theory]
    [InlineData("- [ ] All of the above {pin}")]
    [InlineData("- [ ] All of the above {PIN}")]
    [InlineData("- [ ] All of the above   {pin}")]
    public void ATrailingPinMarkerPinsTheChoiceAndLeavesItsText(string lastChoice)
    {
        var question = Parse(lastChoice);
        Assert.Equal([false, false, true], question.Choices.Select(c => c.Pinned));
        Assert.Equal("All of the above", question.Choices[2].PlainText);
        Assert.Equal("All of the above", HtmlOf(question.Choices[2].Text));
    }

    [Fact]
    public void AChoiceWithoutTheMarkerIsNotPinned()
    {
        var question = Parse("- [ ] All of the above");
        Assert.All(question.Choices, c => Assert.False(c.Pinned));
    }

    private static string HtmlOf(ParagraphBlock paragraph)
    {
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        CourseMarkdown.PipelineWithHtml.Setup(renderer);
        renderer.WriteLeafInline(paragraph);
        return writer.ToString();
    }
}
