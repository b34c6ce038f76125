using System.CommandLine;
using System.Globalization;
using CourseBuilder.Analysis;
using CourseBuilder.Build;

namespace CourseBuilder.Cli;

/// <summary>
/// <c>coursebuilder analyze [CONTENT] --results FILE…</c>: item analysis of LMS results
/// (docs/item-analysis.md). Kept apart from Cli.cs so other commands' options do not collide with it.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(Option<bool> quiet, Option<bool> verbose, TextWriter output, TextWriter error)
    {
        var defaults = new AnalysisSettings();
        var content = new Argument<string>("content") { Description = "The content folder (holding course.yml).", DefaultValueFactory = _ => "content" };
        var results = new Option<string[]>("--results", "-r")
        {
            Description = "Results files: Moodle's SCORM interactions report downloaded as text (CSV), or the CSV of docs/item-analysis.md (repeatable).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var outDir = new Option<string>("--out", "-o") { Description = "Where to write item-analysis.html and item-analysis.csv.", DefaultValueFactory = _ => "item-analysis" };
        var allAttempts = new Option<bool>("--all-attempts") { Description = "Analyse every attempt, not only each student's first attempt at each quiz." };
        var minResponses = new Option<int>("--min-responses") { Description = "Below this many responses an item is marked not yet reliable.", DefaultValueFactory = _ => defaults.MinResponses };
        var tooEasy = new Option<double>("--too-easy") { Description = "Flag items answered right by more than this proportion.", DefaultValueFactory = _ => defaults.TooEasy };
        var tooHard = new Option<double>("--too-hard") { Description = "Flag items answered right by less than this proportion.", DefaultValueFactory = _ => defaults.TooHard };
        var lowDiscrimination = new Option<double>("--low-discrimination") { Description = "Flag items whose point-biserial is below this.", DefaultValueFactory = _ => defaults.LowDiscrimination };
        var idle = new Option<double>("--idle-distractor") { Description = "Flag wrong options chosen by less than this proportion.", DefaultValueFactory = _ => defaults.IdleDistractor };
        var group = new Option<double>("--group") { Description = "Share of attempts in each of the upper and lower groups.", DefaultValueFactory = _ => defaults.GroupFraction };

        var command = new Command("analyze", "Item analysis from LMS results: difficulty, discrimination, distractors; findings at each question.")
        {
            content, results, outDir, allAttempts, minResponses, tooEasy, tooHard, lowDiscrimination, idle, group,
        };
        command.SetAction(parse => Cli.Guard(parse.GetValue(verbose), error, () =>
        {
            var settings = new AnalysisSettings
            {
                AllAttempts = parse.GetValue(allAttempts),
                MinResponses = parse.GetValue(minResponses),
                TooEasy = parse.GetValue(tooEasy),
                TooHard = parse.GetValue(tooHard),
                LowDiscrimination = parse.GetValue(lowDiscrimination),
                IdleDistractor = parse.GetValue(idle),
                GroupFraction = parse.GetValue(group),
            };
            if (settings.Problem() is { } problem) throw new UsageException(problem);
            var contentDir = parse.GetValue(content)!;
            var run = Analyzer.Run(new AnalyzeOptions(contentDir, parse.GetValue(results)!, parse.GetValue(outDir)!, settings));
            new ConsoleReporter(output, error, parse.GetValue(quiet), parse.GetValue(verbose)).PrintDiagnostics(run.Diagnostics, contentDir);
            if (!run.Succeeded)
            {
                error.WriteLine($"analyze: {run.Diagnostics.Count(d => d.IsError)} error(s); nothing was analysed");
                return ExitCode.AuthorErrors;
            }
            if (!parse.GetValue(quiet)) PrintSummary(output, run);
            return ExitCode.Success;
        }));
        return command;
    }

    private static void PrintSummary(TextWriter output, AnalyzeRun run)
    {
        var result = run.Result!;
        var s = result.Settings;
        foreach (var file in result.Files)
            output.WriteLine($"read {Path.GetFileName(file.Path)}: {file.FormatName}, {file.Rows} row(s), {file.RowsWithAnswers} with answers, {file.Answers.Count} answer(s)");
        foreach (var quiz in result.Quizzes)
        {
            var r = quiz.Reliability;
            var reliability = r.Value is { } v
                ? $"reliability {Findings.F(v)}" + (quiz.Attempts < s.MinResponses ? " (not yet reliable)" : "")
                : $"reliability not estimated ({r.Reason})";
            var flagged = quiz.Items.Count(i => ItemTable.Flags(i, s).Any());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"module {quiz.Module.Number} {quiz.Module.Id}: {quiz.Attempts} {s.AttemptsLabel} by {quiz.Students} student(s), mean {100 * quiz.MeanScore:0.0}%, " +
                $"pass rate {Findings.P(quiz.PassRate)} ({quiz.Passed}/{quiz.Attempts}), {reliability}; {quiz.Items.Count} item(s), {flagged} flagged"));
        }
        var items = result.Quizzes.SelectMany(q => q.Items).ToList();
        var unreliable = items.Count(i => !i.Reliable);
        var warnings = run.Diagnostics.Count(d => !d.IsError);
        output.WriteLine($"analysed {items.Count} item(s) in {result.Quizzes.Count} quiz(zes); {warnings} warning(s)" +
            (unreliable > 0 ? $"; {unreliable} item(s) with fewer than {s.MinResponses} responses: not yet reliable" : ""));
        if (run.ReportPath is not null) output.WriteLine($"report: {new Uri(run.ReportPath).AbsoluteUri}");
        if (run.CsvPath is not null) output.WriteLine($"table:  {run.CsvPath}");
    }
}
