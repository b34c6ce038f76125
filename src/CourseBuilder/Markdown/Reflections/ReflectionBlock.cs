using CourseBuilder.Markdown.Directives;

namespace CourseBuilder.Markdown.Reflections;

/// <summary><c>::: reflection id=… lines=…</c>: a prompt the learner answers in writing, kept in the browser only.</summary>
public sealed class ReflectionBlock : DirectiveBlock
{
    /// <summary>Set by the loader: the author's id, or one derived from the lesson and position.</summary>
    public string Id { get; set; } = "";

    /// <summary>Ruled lines in the printed guide.</summary>
    public int Lines { get; set; } = 5;
}
