using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Analysis;

/// <summary>One answer tied to its question: the choice keys chosen ('a', 'b', … sorted) and whether it counted as right.</summary>
public sealed record ScoredAnswer(Question Question, string Chosen, bool Correct);

/// <summary>
/// One attempt at one module's quiz. <see cref="Ordinal"/> is 1 for the student's first attempt
/// at that quiz, 2 for the second, and so on.
/// </summary>
public sealed record QuizAttempt(string Student, Module Module, int Ordinal, IReadOnlyList<ScoredAnswer> Answers)
{
    public int Right => Answers.Count(a => a.Correct);
    public int Total => Answers.Count;
    /// <summary>The proportion right, as the player grades it (every item weighs the same).</summary>
    public double Score => Total == 0 ? 0 : Right / (double)Total;
}

/// <summary>
/// Ties recorded answers to the content's graded questions. The player sends each answer as an
/// interaction with id <c>&lt;question id&gt;_a&lt;n&gt;</c>, n counting the quiz attempts within
/// one LMS attempt (lms.js, player.js), and the response as the chosen keys: "a,c" in SCORM 1.2,
/// "a[,]c" in SCORM 2004. So an attempt is (student, file, LMS attempt, n): the files in the
/// order given, then Moodle's attempt, then n, give each student's order of attempts at a quiz,
/// whatever order the questions were drawn in.
/// </summary>
public static partial class ResultsMapper
{
    [GeneratedRegex(@"^(.+)_a(\d{1,9})$")]
    private static partial Regex InteractionId();

    private sealed record Key(string Student, string ModuleId, int File, int Attempt, int Inner);

    public static IReadOnlyList<QuizAttempt> Map(Course course, IReadOnlyList<ResultsFile> files, DiagnosticBag diagnostics)
    {
        var graded = new Dictionary<string, (Module Module, Question Question)>(StringComparer.Ordinal);
        foreach (var module in course.Modules)
            foreach (var question in module.Quiz?.Pool ?? [])
                graded[question.Id] = (module, question);
        var checks = course.Modules.SelectMany(m => m.Lessons).SelectMany(l => l.Questions).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);

        var attempts = new Dictionary<Key, Dictionary<string, ScoredAnswer>>();
        var unknownIds = new Dictionary<string, (SourceLocation At, int Count)>(StringComparer.Ordinal);
        var badResponses = new Dictionary<(string Question, string Response), (SourceLocation At, int Count)>();
        var keyChanges = new Dictionary<string, (SourceLocation At, int Count, string Recorded)>(StringComparer.Ordinal);

        for (var f = 0; f < files.Count; f++)
            foreach (var answer in files[f].Answers)
            {
                if (!TryResolve(answer.InteractionId, graded, out var module, out var question, out var inner))
                {
                    var bare = InteractionId().Match(answer.InteractionId) is { Success: true } m ? m.Groups[1].Value : answer.InteractionId;
                    unknownIds[bare] = unknownIds.TryGetValue(bare, out var seen) ? seen with { Count = seen.Count + 1 } : (answer.Location, 1);
                    continue;
                }
                var chosen = ParseKeys(answer.Response, question);
                if (chosen is null)
                {
                    var k = (question.Id, answer.Response);
                    badResponses[k] = badResponses.TryGetValue(k, out var seen) ? seen with { Count = seen.Count + 1 } : (answer.Location, 1);
                    continue;
                }
                var key = string.Concat(question.CorrectChoices.Select(c => c.Key));
                var recordedKey = answer.RightAnswer is null ? null : ParseKeys(answer.RightAnswer, question);
                if (answer.RightAnswer is not null && recordedKey != key)
                    keyChanges[question.Id] = keyChanges.TryGetValue(question.Id, out var seen) ? seen with { Count = seen.Count + 1 } : (answer.Location, 1, answer.RightAnswer);
                var correct = ParseResult(answer.Result) ?? chosen == key;
                var id = new Key(answer.Student, module.Id, f, answer.Attempt, inner);
                if (!attempts.TryGetValue(id, out var answers)) attempts[id] = answers = new(StringComparer.Ordinal);
                answers.TryAdd(question.Id, new ScoredAnswer(question, chosen, correct));   // a repeated row counts once
            }

        foreach (var (id, (at, count)) in unknownIds.OrderBy(p => p.Key, StringComparer.Ordinal))
            diagnostics.Warning(DiagnosticCode.UnknownResultQuestion, at,
                $"question '{id}' ({Times(count)}) is not " + (checks.Contains(id) ? "graded: it is a knowledge check, which reports no answers" : "in the content's quizzes: it was renamed or removed, or the results belong to another course") + "; its answers are left out");
        foreach (var ((id, response), (at, count)) in badResponses.OrderBy(p => p.Key.Question, StringComparer.Ordinal).ThenBy(p => p.Key.Response, StringComparer.Ordinal))
            diagnostics.Warning(DiagnosticCode.UnknownResponse, at,
                $"item {id}: response '{ResultsReader.Shorten(response)}' ({Times(count)}) does not name its choices {KeyRange(graded[id].Question)}; those answers are left out");
        foreach (var (id, (at, count, recorded)) in keyChanges.OrderBy(p => p.Key, StringComparer.Ordinal))
            diagnostics.Warning(DiagnosticCode.KeyChanged, at,
                $"item {id}: the results record the right answer '{recorded}' ({Times(count)}) but the content's key is '{string.Join(",", graded[id].Question.CorrectChoices.Select(c => c.Key))}'; " +
                "the item changed after these attempts, and right or wrong is taken from the results as graded");

        var result = new List<QuizAttempt>();
        foreach (var group in attempts.GroupBy(a => (a.Key.Student, a.Key.ModuleId)))
        {
            var ordinal = 0;
            foreach (var (key, answers) in group.OrderBy(a => a.Key.File).ThenBy(a => a.Key.Attempt).ThenBy(a => a.Key.Inner))
                result.Add(new QuizAttempt(key.Student, graded[answers.Keys.First()].Module, ++ordinal,
                    answers.Values.OrderBy(a => a.Question.Id, StringComparer.Ordinal).ToList()));
        }
        return result.OrderBy(a => a.Module.Number).ThenBy(a => a.Student, StringComparer.Ordinal).ThenBy(a => a.Ordinal).ToList();
    }

    private static bool TryResolve(string interactionId, Dictionary<string, (Module, Question)> graded, out Module module, out Question question, out int inner)
    {
        // The suffix first: an id that merely ends in "_a2" is tried whole afterwards.
        if (InteractionId().Match(interactionId) is { Success: true } m && graded.TryGetValue(m.Groups[1].Value, out var hit))
        {
            (module, question) = hit;
            inner = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        if (graded.TryGetValue(interactionId, out hit))
        {
            (module, question) = hit;
            inner = 0;
            return true;
        }
        (module, question, inner) = (null!, null!, 0);
        return false;
    }

    /// <summary>
    /// "a,c" (SCORM 1.2), "a[,]c" (SCORM 2004), or keys separated by ';' or spaces, to the sorted
    /// distinct keys "ac"; null when empty or when a part is not one of the question's keys.
    /// </summary>
    public static string? ParseKeys(string response, Question question)
    {
        var parts = response.Replace("[,]", ",").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return null;
        var keys = new SortedSet<char>();
        foreach (var part in parts)
        {
            if (part.Length != 1) return null;
            var c = char.ToLowerInvariant(part[0]);
            if (!question.Choices.Any(choice => choice.Key == c)) return null;
            keys.Add(c);
        }
        return string.Concat(keys);
    }

    /// <summary>SCORM's result vocabulary: correct; wrong (1.2) or incorrect (2004); plus 1/0 and true/false from scripts. Null: judge by the key.</summary>
    private static bool? ParseResult(string? result) => result?.Trim().ToLowerInvariant() switch
    {
        "correct" or "1" or "true" or "right" => true,
        "wrong" or "incorrect" or "0" or "false" => false,
        _ => null,
    };

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";

    private static string KeyRange(Question q) => $"{q.Choices[0].Key}–{q.Choices[^1].Key}";
}
