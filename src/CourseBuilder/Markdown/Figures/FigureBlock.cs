using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Markdown.Figures;

/// <summary>
/// An image alone in its paragraph: <c>![alt](file.png "Caption")</c>. Plain Markdown that any
/// viewer shows as an image, and that our renderers show as a numbered, captioned figure.
/// </summary>
public sealed class FigureBlock : LeafBlock
{
    public FigureBlock(LinkInline image) : base(null) => Image = image;

    public LinkInline Image { get; }

    /// <summary>The image's Markdown title, used as the caption; null when absent.</summary>
    public string? Caption => string.IsNullOrWhiteSpace(Image.Title) ? null : Image.Title;

    public string AltText => PlainText.Of(Image);
}

/// <summary>Turns paragraphs that hold only an image into <see cref="FigureBlock"/>s.</summary>
public sealed class FigureExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= Transform;
        pipeline.DocumentProcessed += Transform;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    private static void Transform(MarkdownDocument document) => Walk(document);

    private static void Walk(ContainerBlock parent)
    {
        for (var i = 0; i < parent.Count; i++)
        {
            switch (parent[i])
            {
                case ContainerBlock container:
                    Walk(container);
                    break;
                case ParagraphBlock paragraph when SoleImage(paragraph) is { } image:
                    parent[i] = new FigureBlock(image)
                    {
                        Line = paragraph.Line, Column = paragraph.Column, Span = paragraph.Span,
                    };
                    break;
            }
        }
    }

    private static LinkInline? SoleImage(ParagraphBlock paragraph)
    {
        LinkInline? image = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } link when image is null:
                    image = link;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }
        return image;
    }
}
