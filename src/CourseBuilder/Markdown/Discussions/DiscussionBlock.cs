using CourseBuilder.Markdown.Directives;

namespace CourseBuilder.Markdown.Discussions;

/// <summary><c>::: discussion</c>: a prompt for small-group sessions, printed only in the facilitator guide.</summary>
public sealed class DiscussionBlock : DirectiveBlock
{
}

/// <summary><c>::: facilitator</c>: a note for the facilitator, printed only in the facilitator guide.</summary>
public sealed class FacilitatorNoteBlock : DirectiveBlock
{
}
