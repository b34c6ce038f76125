using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Model;

namespace CourseBuilder.Html;

/// <summary>
/// The JSON the runtime reads from <c>&lt;script id="cb-data"&gt;</c>: settings, the page list
/// and the quiz pools with their keys. Its shape is the contract between this stage and
/// the runtime (player.js, lms.js); docs/runtime.md describes it.
/// </summary>
public static class PlayerData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The default encoder escapes <, > and &, so the JSON cannot close its script element.
        Encoder = JavaScriptEncoder.Default,
    };

    public sealed record Data(int Schema, string Scope, string CourseId, string CourseTitle, string Version, string Language,
        string? ModuleId, string Title, IReadOnlyList<ModuleData> Modules, string Scorm12Outcome, int PassMark);

    public sealed record ModuleData(string Id, string Title, int PassMark, int Attempts, string QuizUnlock,
        IReadOnlyList<PageData> Pages, QuizData? Quiz);

    public sealed record PageData(string Id, string Kind, string Title);

    /// <summary>
    /// A quiz with its policy: <see cref="Attempts"/> (0 = unlimited), <see cref="Review"/> and
    /// <see cref="RevealAnswers"/> as the words of course.yml, and <see cref="Blueprint"/> resolved to
    /// per-objective counts (absent without a blueprint: draw from the whole pool).
    /// </summary>
    public sealed record QuizData(string PageId, string Title, int Draw, bool Shuffle, IReadOnlyList<QuestionData> Questions,
        int Attempts, string Review, string RevealAnswers, IReadOnlyList<BlueprintData>? Blueprint);

    public sealed record BlueprintData(string Objective, int Count);

    public sealed record QuestionData(string Id, string Type, string? Objective, string Text, IReadOnlyList<ChoiceData> Choices);

    public sealed record ChoiceData(string Key, bool Correct, bool Pinned, string Text);

    public static string Build(Course course, Module? scope, IReadOnlyList<PlayerModule> modules)
    {
        var data = new Data(1, scope is null ? "course" : "module", course.Id, course.Title, course.Version, course.Language,
            scope?.Id, scope?.Title ?? course.Title,
            modules.Select(pm => Module(course, pm)).ToList(), QuizPolicyNames.Name(course.Scorm12Outcome),
            // The whole-course package's pass mark (course.yml), which its manifest gives the LMS too.
            course.PassMark);
        return JsonSerializer.Serialize(data, Options);
    }

    private static ModuleData Module(Course course, PlayerModule pm)
    {
        var m = pm.Module;
        var quizSection = pm.Sections.FirstOrDefault(s => s.Kind == SectionKind.Quiz);
        QuizData? quiz = m.Quiz is { } q && quizSection is not null
            ? new QuizData(quizSection.Id, q.Title, q.Draw, q.Shuffle, q.Pool.Select(Question).ToList(),
                m.Attempts(course), QuizPolicyNames.Name(m.Review(course)), QuizPolicyNames.Name(m.RevealAnswers(course)),
                BlueprintPlan.Resolve(q)?.Select(e => new BlueprintData(e.ObjectiveId, e.Count)).ToList())
            : null;
        return new ModuleData(m.Id, m.Title, m.PassMark(course), m.Attempts(course),
            m.QuizUnlock == QuizUnlock.AllLessons ? "all-lessons" : "always",
            pm.Sections.Select(s => new PageData(s.Id, s.Kind == SectionKind.Quiz ? "quiz" : "lesson", s.Title)).ToList(),
            quiz);
    }

    private static QuestionData Question(Question q) =>
        new(q.Id, QuestionHtmlRenderer.TypeName(q.Type), q.ObjectiveId, Truncate(q.StemText, 250),
            q.Choices.Select(c => new ChoiceData(c.Key.ToString(), c.Correct, c.Pinned, Truncate(c.PlainText, 250))).ToList());

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
