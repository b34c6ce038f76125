using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Loading.ItemWriting;

/// <summary>
/// Warnings about graded items and pools that measure badly (docs/diagnostics.md, CB0100 and up;
/// the rules are those of docs/item-writing in the authoring guide). The rules about the draw
/// (CB0100-CB0102) wait until quiz.md has no errors: a pool that is already too small for its
/// draw gets that error, not three warnings about the same thing.
/// </summary>
public static class ItemWritingChecks
{
    public static void Run(Course course, DiagnosticBag diagnostics)
    {
        var filesWithErrors = diagnostics.Sorted().Where(d => d.IsError).Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var module in course.Modules)
        {
            if (module.Quiz is not { Pool.Count: > 0 } quiz) continue;
            if (!filesWithErrors.Contains(quiz.SourcePath))
                foreach (var finding in PoolRules.DrawRules(quiz, module.PassMark(course)))
                    Report(finding, diagnostics);
            foreach (var finding in PoolRules.KeyPatterns(quiz))
                Report(finding, diagnostics);
            foreach (var question in quiz.Pool)
                foreach (var finding in StemRules.Check(question))
                    Report(finding, diagnostics);
        }
        var graded = course.Modules.SelectMany(m => m.Quiz?.Pool ?? []).ToList();
        var checks = course.Modules.SelectMany(m => m.Lessons).SelectMany(l => l.Questions).Where(q => !q.Graded).ToList();
        foreach (var finding in Similarity.RepeatedItems(checks, graded))
            Report(finding, diagnostics);
    }

    private static void Report(Finding finding, DiagnosticBag diagnostics) =>
        diagnostics.Warning(finding.Code, finding.Location, finding.Message);
}

/// <summary>One rule's verdict, kept apart from the bag so the rules can be tested on their own.</summary>
public sealed record Finding(DiagnosticCode Code, SourceLocation Location, string Message);
