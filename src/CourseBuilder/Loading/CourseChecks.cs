using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown.Reflections;
using CourseBuilder.Model;
using Markdig.Syntax;

namespace CourseBuilder.Loading;

/// <summary>Checks that need the whole course: unique ids and objectives that are defined and assessed.</summary>
internal static class CourseChecks
{
    public static void Run(Course course, DiagnosticBag diagnostics)
    {
        ReportDuplicates(course.Modules, m => m.Id, m => m.Location, DiagnosticCode.DuplicateModuleId, "module id", diagnostics);
        ReportCaseCollisions(course.Modules, m => m.Id, m => m.Location, DiagnosticCode.DuplicateModuleId, "module ids", diagnostics);
        foreach (var module in course.Modules)
        {
            ReportDuplicates(module.Lessons, l => l.Id, l => l.Location, DiagnosticCode.DuplicateLessonId, $"lesson id in module '{module.Id}'", diagnostics);
            ReportCaseCollisions(module.Lessons, l => l.Id, l => l.Location, DiagnosticCode.DuplicateLessonId, $"lesson ids in module '{module.Id}'", diagnostics);
        }
        // A reflection's answer is saved under its id, so two with one id share one answer.
        ReportDuplicates(Reflections(course).ToList(), r => r.Id, r => r.Location, DiagnosticCode.DuplicateReflectionId, "reflection id", diagnostics);
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

    private static IEnumerable<(string Id, SourceLocation Location)> Reflections(Course course)
    {
        foreach (var module in course.Modules)
        {
            var documents = module.Lessons.Select(l => (l.Document, Path: l.SourcePath)).ToList();
            if (module.Quiz is { } quiz) documents.Add((quiz.Document, quiz.SourcePath));
            foreach (var (document, path) in documents)
                foreach (var reflection in document.Descendants<ReflectionBlock>())
                    if (reflection.Id is { Length: > 0 } id)
                        yield return (id, new SourceLocation(path, reflection.Line + 1, reflection.Column + 1));
        }
    }

    /// <summary>
    /// Ids that differ only in case name the same folder or file on Windows and macOS, where
    /// the packages are unzipped and the course is often built.
    /// </summary>
    private static void ReportCaseCollisions<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, SourceLocation> at,
        DiagnosticCode code, string what, DiagnosticBag diagnostics)
    {
        foreach (var group in items.GroupBy(id, StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            foreach (var other in group.Skip(1).Where(o => id(o) != id(first)))
                diagnostics.Error(code, at(other),
                    $"{what} '{id(other)}' and '{id(first)}' (at {at(first)}) differ only in case; they collide on Windows and macOS, so rename one");
        }
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
