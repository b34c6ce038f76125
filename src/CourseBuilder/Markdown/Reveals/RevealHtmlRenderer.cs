using CourseBuilder.Markdown.Partials;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Reveals;

/// <summary>A reveal from the partial <c>directives/reveal</c> (a native &lt;details&gt;: keyboard and screen-reader support without script).</summary>
public sealed class RevealHtmlRenderer : DirectivePartialRenderer<RevealBlock>
{
    protected override void Write(HtmlRenderer renderer, RevealBlock block) =>
        WritePartial(renderer, "reveal", () => new RevealView(Escaped(renderer, block.Label), Rendered(renderer, block)));
}

/// <summary>What <c>directives/reveal</c> shows: the summary line and the hidden content.</summary>
public sealed record RevealView(string LabelHtml, string BodyHtml);
