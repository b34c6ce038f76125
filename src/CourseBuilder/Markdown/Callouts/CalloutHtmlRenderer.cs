using CourseBuilder.Markdown.Partials;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Callouts;

/// <summary>A callout from the partial <c>directives/callout</c> (a labelled box with role="note").</summary>
public sealed class CalloutHtmlRenderer : DirectivePartialRenderer<CalloutBlock>
{
    protected override void Write(HtmlRenderer renderer, CalloutBlock block) =>
        WritePartial(renderer, "callout", () => new CalloutView(block.CssName,
            Escaped(renderer, block.Label), block.Title is { } title ? Escaped(renderer, title) : null, Rendered(renderer, block)));
}

/// <summary>What <c>directives/callout</c> shows.</summary>
/// <param name="Kind">key-point, case or caution.</param>
/// <param name="LabelHtml">The kind as the learner reads it ("Key point").</param>
/// <param name="TitleHtml">The author's title, if the block has one.</param>
/// <param name="BodyHtml">The callout's content.</param>
public sealed record CalloutView(string Kind, string LabelHtml, string? TitleHtml, string BodyHtml);
