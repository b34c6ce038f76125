using CourseBuilder.Diagnostics;

namespace CourseBuilder.Model;

/// <summary>What the learner sees after an attempt that is neither passed nor the last one; each level adds to the one before.</summary>
public enum ReviewLevel { Score, Items, Feedback, Answers }

/// <summary>When the player shows the correct answers of a graded quiz.</summary>
public enum AnswerReveal { AfterPassOrLast, AfterLast, Always, Never }

/// <summary>How SCORM 1.2's <c>cmi.core.lesson_status</c> reports the final outcome of a module with a quiz.</summary>
public enum Scorm12Outcome { PassedFailed, CompletedIncomplete }

/// <summary>
/// How many items of each objective one attempt draws. <see cref="Stratified"/> means the counts
/// are computed from the pool (<see cref="BlueprintPlan.Resolve"/>); otherwise <see cref="Entries"/>
/// are the author's, in the order written.
/// </summary>
public sealed record Blueprint(bool Stratified, IReadOnlyList<BlueprintEntry> Entries)
{
    /// <summary>Where the <c>blueprint</c> key is written, for diagnostics about the whole blueprint.</summary>
    public SourceLocation Location { get; init; }
}

public sealed record BlueprintEntry(string ObjectiveId, int Count, SourceLocation Location);

/// <summary>The names used in YAML and in the player's data for the policy enums, in one place so they cannot drift.</summary>
public static class QuizPolicyNames
{
    public static readonly IReadOnlyList<string> ReviewNames = ["score", "items", "feedback", "answers"];
    public static readonly IReadOnlyList<string> RevealNames = ["after-pass-or-last", "after-last", "always", "never"];
    public static readonly IReadOnlyList<string> Scorm12OutcomeNames = ["passed-failed", "completed-incomplete"];

    public static string Name(ReviewLevel value) => ReviewNames[(int)value];
    public static string Name(AnswerReveal value) => RevealNames[(int)value];
    public static string Name(Scorm12Outcome value) => Scorm12OutcomeNames[(int)value];

    public static bool TryParse(string text, out ReviewLevel value) => TryParse(text, ReviewNames, out value);
    public static bool TryParse(string text, out AnswerReveal value) => TryParse(text, RevealNames, out value);
    public static bool TryParse(string text, out Scorm12Outcome value) => TryParse(text, Scorm12OutcomeNames, out value);

    private static bool TryParse<T>(string text, IReadOnlyList<string> names, out T value) where T : struct, Enum
    {
        var index = names.IndexOf(text.Trim().ToLowerInvariant());
        value = index >= 0 ? (T)Enum.ToObject(typeof(T), index) : default;
        return index >= 0;
    }

    private static int IndexOf(this IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        return -1;
    }
}

/// <summary>Turns a quiz's blueprint into the per-objective counts an attempt draws.</summary>
public static class BlueprintPlan
{
    /// <summary>
    /// The counts for <paramref name="quiz"/>, or null without a blueprint. A mapping blueprint is
    /// returned as written. A stratified one spreads <see cref="Quiz.Draw"/> over the objectives of
    /// the pool, in the order they first appear there: every objective gets the same share, the
    /// remainder goes one each to the objectives with the most items (ties: pool order), and no
    /// objective gets more than it has items. The result depends only on the pool, so every build
    /// and every learner get the same plan.
    /// </summary>
    public static IReadOnlyList<BlueprintEntry>? Resolve(Quiz quiz)
    {
        if (quiz.Blueprint is not { } blueprint) return null;
        if (!blueprint.Stratified) return blueprint.Entries;

        var pool = PoolCounts(quiz);
        var counts = new int[pool.Count];
        var byCapacity = Enumerable.Range(0, pool.Count).OrderByDescending(i => pool[i].Items).ThenBy(i => i).ToList();
        var left = Math.Min(quiz.Draw, pool.Sum(p => p.Items));
        while (left > 0)
        {
            var round = byCapacity.Where(i => counts[i] < pool[i].Items).ToList();
            foreach (var i in round.Take(left)) { counts[i]++; left--; }
        }
        return pool.Select((p, i) => new BlueprintEntry(p.Objective, counts[i], blueprint.Location)).Where(e => e.Count > 0).ToList();
    }

    /// <summary>Each objective named by a pool question with its number of questions, in order of first appearance.</summary>
    public static IReadOnlyList<(string Objective, int Items)> PoolCounts(Quiz quiz) =>
        quiz.Pool.Where(q => q.ObjectiveId is not null)
            .GroupBy(q => q.ObjectiveId!, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .ToList();
}
