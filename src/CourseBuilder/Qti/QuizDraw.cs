using CourseBuilder.Model;

namespace CourseBuilder.Qti;

/// <summary>One random draw of a quiz: pick <see cref="Pick"/> of <see cref="Questions"/>.</summary>
/// <param name="ObjectiveId">The objective the group covers, or null for a draw from the whole pool.</param>
public sealed record DrawGroup(string Id, string Title, string? ObjectiveId, IReadOnlyList<Question> Questions, int Pick);

/// <summary>
/// How a quiz's attempt is drawn, as the LMS formats express it: question groups (Canvas) or
/// random questions per category (Moodle). With a blueprint, one group per objective with the
/// blueprint's count (<see cref="BlueprintPlan.Resolve"/>, as the player draws); without, one
/// group, the whole pool with the quiz's draw.
/// </summary>
public static class QuizDraw
{
    /// <summary>Every graded question is worth the same: the player scores the share of items right.</summary>
    public const int PointsPerQuestion = 1;

    public static IReadOnlyList<DrawGroup> Groups(Module module)
    {
        if (module.Quiz is not { } quiz) return [];
        if (BlueprintPlan.Resolve(quiz) is { } plan)
            return plan.Select(entry => new DrawGroup(
                $"{module.Id}-{entry.ObjectiveId}",
                module.Objectives.FirstOrDefault(o => o.Id == entry.ObjectiveId)?.Text ?? entry.ObjectiveId,
                entry.ObjectiveId,
                quiz.Pool.Where(q => q.ObjectiveId == entry.ObjectiveId).ToList(),
                entry.Count)).ToList();
        return [new DrawGroup($"{module.Id}-pool", quiz.Title, null, quiz.Pool, Math.Min(quiz.Draw, quiz.Pool.Count))];
    }

    /// <summary>The questions of each objective of the module, in objective order, then any without one.</summary>
    public static IEnumerable<(Objective? Objective, IReadOnlyList<Question> Questions)> ByObjective(Module module, IEnumerable<Question> questions)
    {
        var list = questions.ToList();
        foreach (var objective in module.Objectives)
        {
            var mine = list.Where(q => q.ObjectiveId == objective.Id).ToList();
            if (mine.Count > 0) yield return (objective, mine);
        }
        var known = module.Objectives.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var rest = list.Where(q => q.ObjectiveId is null || !known.Contains(q.ObjectiveId)).ToList();
        if (rest.Count > 0) yield return (null, rest);
    }
}
