using CourseBuilder.Markdown.Directives;

namespace CourseBuilder.Markdown.Callouts;

public enum CalloutKind { KeyPoint, Case, Caution }

/// <summary><c>::: key-point</c>, <c>::: case</c> or <c>::: caution</c>, with an optional title.</summary>
public sealed class CalloutBlock : DirectiveBlock
{
    public CalloutBlock(CalloutKind kind) => Kind = kind;

    public CalloutKind Kind { get; }

    public string Label => Kind switch
    {
        CalloutKind.KeyPoint => "Key point",
        CalloutKind.Case => "Case",
        _ => "Caution",
    };

    public string CssName => Kind switch
    {
        CalloutKind.KeyPoint => "key-point",
        CalloutKind.Case => "case",
        _ => "caution",
    };

    public string? Title => string.IsNullOrWhiteSpace(Attributes.Title) ? null : Attributes.Title;
}
