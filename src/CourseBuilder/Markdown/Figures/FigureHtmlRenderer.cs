using CourseBuilder.Markdown.Partials;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Figures;

/// <summary>A figure from the partial <c>directives/figure</c>.</summary>
public sealed class FigureHtmlRenderer : DirectivePartialRenderer<FigureBlock>
{
    protected override void Write(HtmlRenderer renderer, FigureBlock block) =>
        WritePartial(renderer, "figure", () => new FigureView(EscapedUrl(renderer, block.Image.Url), Escaped(renderer, block.AltText),
            block.Caption is { } caption ? Escaped(renderer, caption) : null));
}

/// <summary>What <c>directives/figure</c> shows.</summary>
/// <param name="SourceHtml">The image's address in the package, escaped for an attribute.</param>
/// <param name="AltHtml">The alt text.</param>
/// <param name="CaptionHtml">The caption (the image's Markdown title), if any.</param>
public sealed record FigureView(string SourceHtml, string AltHtml, string? CaptionHtml);
