using Markdig.Syntax;

namespace CourseBuilder.Markdown.Directives;

/// <summary>
/// Base of our <c>::: name args</c> blocks. The generic fence is Markdig's custom container;
/// <see cref="DirectiveExtension"/> turns each known name into its typed subclass after parsing.
/// </summary>
public abstract class DirectiveBlock : ContainerBlock
{
    protected DirectiveBlock() : base(null) { }

    /// <summary>The name after the fence, e.g. <c>question</c>.</summary>
    public string Name { get; internal set; } = "";

    /// <summary>The raw text after the name.</summary>
    public string Arguments { get; internal set; } = "";

    public DirectiveAttributes Attributes { get; internal set; } = DirectiveAttributes.Empty;

    /// <summary>False when no closing <c>:::</c> ended the block, so it ran on to the end of its parent.</summary>
    public bool Closed { get; internal set; } = true;
}
