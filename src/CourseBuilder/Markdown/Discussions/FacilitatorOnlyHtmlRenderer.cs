using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace CourseBuilder.Markdown.Discussions;

/// <summary>Discussion prompts and facilitator notes are for the facilitator guide: the learner's page leaves them out.</summary>
public sealed class FacilitatorOnlyHtmlRenderer<T> : HtmlObjectRenderer<T> where T : Directives.DirectiveBlock
{
    protected override void Write(HtmlRenderer renderer, T block) { }
}
