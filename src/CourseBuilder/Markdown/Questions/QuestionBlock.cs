using CourseBuilder.Markdown.Directives;
using CourseBuilder.Model;

namespace CourseBuilder.Markdown.Questions;

/// <summary>
/// <c>::: question</c> or <c>::: scenario</c>. Its children stay the Markdown the author wrote
/// (stem, a task list of choices, the explanation); <see cref="QuestionBinder"/> reads them into
/// <see cref="Model"/>, which every renderer uses.
/// </summary>
public sealed class QuestionBlock : DirectiveBlock
{
    public bool IsScenario => Name == "scenario";

    /// <summary>Set by the loader once the block has been read and checked.</summary>
    public Question? Model { get; set; }
}
