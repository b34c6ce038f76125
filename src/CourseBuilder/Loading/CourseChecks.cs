using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Loading;

/// <summary>Checks that need the whole course: unique ids and objectives that are defined and assessed.</summary>
internal static class CourseChecks
{
    public static void Run(Course course, DiagnosticBag diagnostics)
    {
        ReportDuplicates(course.Modules, m => m.Id, m => m.Location, DiagnosticCode.DuplicateModuleId, "module id", diagnostics);
        foreach (var module in course.Modules)
            ReportDuplicates(module.Lessons, l => l.Id, l => l.Location, DiagnosticCode.DuplicateLessonId, $"lesson id in module '{module.Id}'", diagnostics);
        ReportDuplicates(course.AllQuestions.ToList(), q => q.Id, q => q.Location, DiagnosticCode.DuplicateQuestionId, "question id", diagnostics);
        ReportDuplicates(course.Modules.SelectMany(m => m.Objectives).ToList(), o => o.Id, o => o.Location, DiagnosticCode.DuplicateObjectiveId, "objective id", diagnostics);

        var defined = course.Modules.SelectMany(m => m.Objectives).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var module in course.Modules)
        {
            foreach (var lesson in module.Lessons)
                foreach (var (objective, i) in lesson.Objectives.Select((o, i) => (o, i)).Where(p => !defined.Contains(p.o)))
                    diagnostics.Error(DiagnosticCode.UndefinedObjective, i < lesson.ObjectiveLocations.Count ? lesson.ObjectiveLocations[i] : lesson.Location,
                        $"objective '{objective}' is not defined in any module.yml{Suggest.DidYouMean(objective, defined)}");
            foreach (var question in module.AllQuestions)
                if (question.ObjectiveId is { } objective && !defined.Contains(objective))
                    diagnostics.Error(DiagnosticCode.UndefinedObjective, question.Location,
                        $"question '{question.Id}' assesses objective '{objective}', which is not defined in any module.yml{Suggest.DidYouMean(objective, defined)}");

            var assessed = module.Quiz?.Pool.Where(q => q.ObjectiveId is not null).Select(q => q.ObjectiveId!).ToHashSet() ?? [];
            foreach (var objective in module.Objectives.Where(o => !assessed.Contains(o.Id)))
                diagnostics.Warning(DiagnosticCode.UnassessedObjective, objective.Location,
                    $"objective '{objective.Id}' is not assessed by any graded question in this module's quiz.md");
        }
        QuizPolicyChecks.Run(course, diagnostics);
        ItemWriting.ItemWritingChecks.Run(course, diagnostics);
    }

    private static void ReportDuplicates<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, SourceLocation> at,
        DiagnosticCode code, string what, DiagnosticBag diagnostics)
    {
        foreach (var group in items.GroupBy(id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = at(group.First());
            foreach (var duplicate in group.Skip(1))
                diagnostics.Error(code, at(duplicate), $"duplicate {what} '{group.Key}' (first defined at {first})");
        }
    }
}
