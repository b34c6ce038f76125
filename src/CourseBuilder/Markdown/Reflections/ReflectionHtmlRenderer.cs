using CourseBuilder.Markdown.Partials;
using Markdig.Renderers;

namespace CourseBuilder.Markdown.Reflections;

/// <summary>A reflection from the partial <c>directives/reflection</c>.</summary>
public sealed class ReflectionHtmlRenderer : DirectivePartialRenderer<ReflectionBlock>
{
    /// <summary>For pages without script: the prompt only, since nothing could keep what a text box holds.</summary>
    public bool WithoutScript { get; set; }

    protected override void Write(HtmlRenderer renderer, ReflectionBlock block) =>
        WritePartial(renderer, "reflection", () => new ReflectionView(Escaped(renderer, block.Id), Escaped(renderer, "reflection-" + block.Id),
            Math.Clamp(block.Lines, 3, 12), WithoutScript, Rendered(renderer, block)));
}

/// <summary>What <c>directives/reflection</c> shows.</summary>
/// <param name="IdHtml">The reflection's id: the player keeps the answer in the browser under it.</param>
/// <param name="FieldIdHtml">The text box's element id; the prompt and the privacy note are "-prompt" and "-privacy" after it.</param>
/// <param name="Rows">The text box's height, from the block's <c>lines=</c> (3 to 12).</param>
/// <param name="WithoutScript">True on pages without script (LMS pages), where nothing could keep an answer: the prompt only.</param>
/// <param name="PromptHtml">The prompt.</param>
public sealed record ReflectionView(string IdHtml, string FieldIdHtml, int Rows, bool WithoutScript, string PromptHtml);
