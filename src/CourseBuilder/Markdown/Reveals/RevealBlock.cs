using CourseBuilder.Markdown.Directives;

namespace CourseBuilder.Markdown.Reveals;

/// <summary><c>::: reveal Button label</c>: content hidden until the learner opens it.</summary>
public sealed class RevealBlock : DirectiveBlock
{
    public string Label => string.IsNullOrWhiteSpace(Attributes.Title) ? "Show more" : Attributes.Title;
}
