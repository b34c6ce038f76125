using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Loading;

/// <summary>
/// Reads the quiz policy keys (docs/authoring-guide.md, "Quiz policy"): <c>review</c> and
/// <c>reveal-answers</c> in quiz.md and course.yml, <c>scorm12-outcome</c> in course.yml and
/// <c>blueprint</c> in quiz.md. A bad word is CB0004 with the accepted words and a "did you mean".
/// </summary>
internal static class QuizPolicyReader
{
    public static ReviewLevel? Review(YamlMap yaml) =>
        Word<ReviewLevel>(yaml, "review", QuizPolicyNames.ReviewNames, QuizPolicyNames.TryParse);

    public static AnswerReveal? RevealAnswers(YamlMap yaml) =>
        Word<AnswerReveal>(yaml, "reveal-answers", QuizPolicyNames.RevealNames, QuizPolicyNames.TryParse);

    public static Scorm12Outcome? Scorm12Outcome(YamlMap yaml) =>
        Word<Scorm12Outcome>(yaml, "scorm12-outcome", QuizPolicyNames.Scorm12OutcomeNames, QuizPolicyNames.TryParse);

    private delegate bool Parser<T>(string text, out T value);

    private static T? Word<T>(YamlMap yaml, string key, IReadOnlyList<string> names, Parser<T> parse) where T : struct
    {
        if (yaml.String(key) is not { } text) return null;
        if (parse(text, out var value)) return value;
        yaml.Error(DiagnosticCode.InvalidValue, key,
            $"{key} '{text}' must be one of {string.Join(", ", names)}{Suggest.DidYouMean(text, names)}");
        return null;
    }

    /// <summary>
    /// <c>blueprint: stratified</c>, or a mapping <c>objective: count</c>. Checks that need the
    /// module (objectives, pool, draw) are in <see cref="QuizPolicyChecks"/>.
    /// </summary>
    public static Blueprint? Blueprint(YamlMap yaml)
    {
        if (!yaml.Has("blueprint")) return null;
        if (!yaml.IsMap("blueprint"))
        {
            var text = yaml.String("blueprint");
            if (text is null) return null;
            if (text.Equals("stratified", StringComparison.OrdinalIgnoreCase)) return new Blueprint(true, []) { Location = yaml.KeyLocation("blueprint") };
            yaml.Error(DiagnosticCode.InvalidValue, "blueprint",
                $"blueprint '{text}' must be 'stratified' or one 'objective-id: count' line per objective, indented under 'blueprint:'");
            return null;
        }
        var map = yaml.Map("blueprint")!;
        var entries = new List<BlueprintEntry>();
        foreach (var (objective, location) in map.KeysInOrder())
        {
            if (map.Int(objective, 0, 1000) is { } count)
                entries.Add(new BlueprintEntry(objective, count, location));
        }
        if (entries.Count > 0 && entries.Sum(e => e.Count) == 0)
        {
            yaml.Error(DiagnosticCode.InvalidValue, "blueprint", "blueprint draws no items: give at least one objective a count above 0");
            return null;
        }
        return entries.Count == 0 ? null : new Blueprint(false, entries) { Location = yaml.KeyLocation("blueprint") };
    }

    /// <summary>
    /// The number drawn per attempt: <c>draw</c> when written, else a mapping blueprint's sum, else
    /// null (the whole pool). A <c>draw</c> that differs from the blueprint's sum is CB0036.
    /// </summary>
    public static int? Draw(YamlMap yaml, int? draw, Blueprint? blueprint)
    {
        if (blueprint is not { Stratified: false } mapping) return draw;
        var sum = mapping.Entries.Sum(e => e.Count);
        if (draw is { } written && written != sum)
            yaml.Error(DiagnosticCode.BlueprintDrawMismatch, "draw",
                $"draw is {written} but the blueprint adds up to {sum} ({string.Join(" + ", mapping.Entries.Select(e => e.Count))}): make them agree, or remove 'draw'");
        return draw ?? sum;
    }
}
