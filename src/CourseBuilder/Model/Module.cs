using CourseBuilder.Diagnostics;
using Markdig.Syntax;

namespace CourseBuilder.Model;

public sealed record Objective(string Id, string Text, SourceLocation Location);

/// <summary>A module folder <c>modules/NN-slug/</c>: its settings, lessons in order, the graded quiz pool and facilitator notes.</summary>
public sealed record Module(
    string Id,
    int Number,
    string Title,
    string Description,
    int Minutes,
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<Lesson> Lessons,
    Quiz? Quiz,
    Facilitator? Facilitator,
    QuizUnlock QuizUnlock,
    IReadOnlyList<string> Keywords,
    /// <summary>Files the module's pages reference (images), relative to the content folder with '/' separators, sorted.</summary>
    IReadOnlyList<string> Assets,
    string Directory,
    SourceLocation Location)
{
    public IEnumerable<Question> AllQuestions =>
        Lessons.SelectMany(l => l.Questions).Concat(Quiz?.Pool ?? []);

    public int PassMark(Course course) => Quiz?.PassMark ?? course.PassMark;
    public int Attempts(Course course) => Quiz?.Attempts ?? course.Attempts;
    public ReviewLevel Review(Course course) => Quiz?.Review ?? course.Review;
    public AnswerReveal RevealAnswers(Course course) => Quiz?.RevealAnswers ?? course.RevealAnswers;
}

/// <summary>A lesson file <c>NN-slug.md</c>. <see cref="Document"/> is the one syntax tree every renderer reads.</summary>
public sealed record Lesson(
    string Id,
    int Number,
    string Title,
    IReadOnlyList<string> Objectives,
    int Minutes,
    MarkdownDocument Document,
    /// <summary>Knowledge checks and scenarios in the lesson, in document order.</summary>
    IReadOnlyList<Question> Questions,
    string SourcePath,
    SourceLocation Location)
{
    /// <summary>Where each of <see cref="Objectives"/> is written in the front matter, for diagnostics.</summary>
    public IReadOnlyList<SourceLocation> ObjectiveLocations { get; init; } = [];
}

/// <summary>The graded quiz of a module (<c>quiz.md</c>): a pool of questions, of which <see cref="Draw"/> are asked per attempt.</summary>
public sealed record Quiz(
    string Title,
    int Draw,
    bool Shuffle,
    int? PassMark,
    int? Attempts,
    MarkdownDocument Document,
    IReadOnlyList<Question> Pool,
    string SourcePath,
    SourceLocation Location)
{
    /// <summary>Items per objective per attempt (<c>blueprint</c>), or null to draw from the whole pool.</summary>
    public Blueprint? Blueprint { get; init; }

    /// <summary>The quiz's own <c>review</c>, or null for the course's.</summary>
    public ReviewLevel? Review { get; init; }

    /// <summary>The quiz's own <c>reveal-answers</c>, or null for the course's.</summary>
    public AnswerReveal? RevealAnswers { get; init; }
}

/// <summary><c>facilitator.md</c>: overview, timing and discussion prompts, printed only in the facilitator guide.</summary>
public sealed record Facilitator(MarkdownDocument Document, string SourcePath);
