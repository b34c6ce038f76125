using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Loading;

/// <summary>
/// Checks a quiz's blueprint against its module: the objectives it names are the module's
/// (CB0034), the pool holds enough items of each (CB0035), and every pool question can be drawn
/// (CB0037). The draw/blueprint sum check (CB0036) needs the front matter and is made while reading.
/// </summary>
internal static class QuizPolicyChecks
{
    public static void Run(Course course, DiagnosticBag diagnostics)
    {
        var owners = course.Modules.SelectMany(m => m.Objectives.Select(o => (o.Id, Module: m.Id)))
            .GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Module, StringComparer.Ordinal);
        foreach (var module in course.Modules)
            if (module.Quiz is { Blueprint: { } blueprint } quiz)
                Check(module, quiz, blueprint, owners, diagnostics);
    }

    private static void Check(Module module, Quiz quiz, Blueprint blueprint, IReadOnlyDictionary<string, string> owners, DiagnosticBag diagnostics)
    {
        var pool = BlueprintPlan.PoolCounts(quiz).ToDictionary(p => p.Objective, p => p.Items, StringComparer.Ordinal);
        var own = module.Objectives.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        if (blueprint.Stratified)
        {
            var withObjective = pool.Values.Sum();
            if (quiz.Draw > withObjective)
                diagnostics.Error(DiagnosticCode.BlueprintExceedsPool, blueprint.Location,
                    $"a stratified blueprint draws {quiz.Draw} items from the questions that name an objective, and the pool has only {withObjective}: add 'objective=' to more questions or lower 'draw'");
        }
        foreach (var entry in blueprint.Entries)
        {
            if (!own.Contains(entry.ObjectiveId))
            {
                var where = owners.TryGetValue(entry.ObjectiveId, out var other)
                    ? $"belongs to module '{other}', not to '{module.Id}'"
                    : $"is not defined in this module's module.yml{Suggest.DidYouMean(entry.ObjectiveId, own)}";
                diagnostics.Error(DiagnosticCode.BlueprintUnknownObjective, entry.Location, $"blueprint objective '{entry.ObjectiveId}' {where}");
                continue;
            }
            var items = pool.GetValueOrDefault(entry.ObjectiveId);
            if (entry.Count > items)
                diagnostics.Error(DiagnosticCode.BlueprintExceedsPool, entry.Location,
                    $"blueprint draws {entry.Count} item(s) of objective '{entry.ObjectiveId}' per attempt but the pool has {items}: write more questions with objective={entry.ObjectiveId} or lower the count");
        }

        var drawn = blueprint.Stratified
            ? pool.Keys.ToHashSet(StringComparer.Ordinal)
            : blueprint.Entries.Where(e => e.Count > 0).Select(e => e.ObjectiveId).ToHashSet(StringComparer.Ordinal);
        var never = quiz.Pool.Where(q => q.ObjectiveId is null || !drawn.Contains(q.ObjectiveId)).ToList();
        if (never.Count > 0)
            diagnostics.Warning(DiagnosticCode.BlueprintNeverDraws, blueprint.Location,
                $"the blueprint never draws {never.Count} pool question(s) ({string.Join(", ", never.Select(q => q.Id))}): give each an objective the blueprint counts, or remove it");
    }
}
