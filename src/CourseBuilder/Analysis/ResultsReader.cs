using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Analysis;

/// <summary>
/// One answer as the LMS recorded it. <see cref="InteractionId"/> is what the package sent
/// (<c>&lt;question id&gt;_a&lt;attempt&gt;</c>) or a bare question id; <see cref="Attempt"/> is
/// the LMS's own attempt number (Moodle's "Attempt" column, or the CSV's attempt column).
/// </summary>
public sealed record RecordedAnswer(
    string Student,
    int Attempt,
    string InteractionId,
    string Response,
    string? Result,
    string? RightAnswer,
    SourceLocation Location);

public enum ResultsFormat { MoodleInteractions, SimpleCsv }

/// <summary>What one results file held: its rows, the answers in them, and how many rows were attempts with no answer.</summary>
public sealed record ResultsFile(string Path, ResultsFormat Format, int Rows, int RowsWithAnswers, IReadOnlyList<RecordedAnswer> Answers)
{
    public string FormatName => Format == ResultsFormat.MoodleInteractions ? "Moodle SCORM interactions report" : "CSV";
}

/// <summary>
/// Reads results files: Moodle's SCORM interactions report as downloaded in "text format (CSV)"
/// (tab-separated; see <see cref="MoodleInteractionsReport"/>) or in Excel format (.xlsx, see
/// <see cref="SpreadsheetRows"/>), or the simple CSV documented in
/// docs/item-analysis.md (columns student, attempt, question, response, result).
/// A file that cannot be read gets CB0200 and yields null; a bad row gets CB0211 and is skipped.
/// </summary>
public static class ResultsReader
{
    public static ResultsFile? Read(string path, DiagnosticBag diagnostics)
    {
        var full = System.IO.Path.GetFullPath(path);
        var at = SourceLocation.File(full);
        List<TextRow> rows;
        try
        {
            var bytes = File.ReadAllBytes(full);
            if (bytes.Length >= 2 && bytes[0] == 'P' && bytes[1] == 'K')
                rows = SpreadsheetRows.Read(full);
            else
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                var firstLine = text.TrimStart('\uFEFF').Split('\n', 2)[0];
                rows = DelimitedText.Split(text, DelimitedText.GuessDelimiter(firstLine));
            }
        }
        catch (InvalidDataException ex)
        {
            diagnostics.Error(DiagnosticCode.UnreadableResults, at,
                $"not a workbook analyze can read ({ex.Message}): use Moodle's text (CSV) or Excel download, not ODS, or save the sheet as CSV");
            return null;
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(DiagnosticCode.UnreadableResults, at, "the file is not UTF-8 text; save it as UTF-8 CSV");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCode.UnreadableResults, at, $"cannot read the results file: {ex.Message}");
            return null;
        }

        if (rows.Count == 0)
        {
            diagnostics.Error(DiagnosticCode.UnreadableResults, at, "the results file is empty");
            return null;
        }
        var header = rows[0].Fields.Select(h => h.Trim()).ToList();
        if (MoodleInteractionsReport.Recognises(header))
            return MoodleInteractionsReport.Read(full, header, rows.Skip(1).ToList(), diagnostics);
        if (SimpleCsv.Recognises(header))
            return SimpleCsv.Read(full, header, rows.Skip(1).ToList(), diagnostics);
        diagnostics.Error(DiagnosticCode.UnreadableResults, at,
            "neither a Moodle SCORM interactions report (columns 'Attempt', 'Question 0', 'Response 0' …) nor the CSV of docs/item-analysis.md " +
            $"(columns student, attempt, question, response, result); the header is: {Shorten(string.Join(" | ", header))}");
        return null;
    }

    internal static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    internal static int ColumnOf(IReadOnlyList<string> header, params string[] names) =>
        header.ToList().FindIndex(h => names.Any(n => string.Equals(h, n, StringComparison.OrdinalIgnoreCase)));

    internal static string Cell(TextRow row, int column) =>
        column >= 0 && column < row.Fields.Count ? WebUtility.HtmlDecode(row.Fields[column].Trim()) : "";

    /// <summary>1-based column of field <paramref name="index"/> for diagnostics: fields are counted, not characters.</summary>
    internal static SourceLocation At(string path, TextRow row, int index) => new(path, row.Line, Math.Max(1, index + 1));
}

/// <summary>
/// Moodle's SCORM "Interactions report" (mod/scorm/report/interactions/classes/report.php),
/// downloaded as text: a header row, then one row per student attempt (or per student without
/// one, with '-' as attempt). Columns: Name, the site's identity fields (e.g. "Email address"),
/// "Attempt", "Started on", "Last accessed on", "Score", one column per SCO with its score or
/// status, then for each interaction k the columns the display options switched on:
/// "Question k" (the interaction id), "Response k" (student_response), "Right answer k"
/// (correct_responses patterns) and "Result k". Values went through Moodle's s(), so they are
/// HTML-escaped.
/// </summary>
public static partial class MoodleInteractionsReport
{
    [GeneratedRegex(@"^(Question|Response|Right answer|Result) (\d+)$")]
    private static partial Regex InteractionColumn();

    public static bool Recognises(IReadOnlyList<string> header) =>
        ResultsReader.ColumnOf(header, "Attempt") >= 0 && header.Any(h => InteractionColumn().IsMatch(h));

    public static ResultsFile Read(string path, IReadOnlyList<string> header, IReadOnlyList<TextRow> rows, DiagnosticBag diagnostics)
    {
        var attemptColumn = ResultsReader.ColumnOf(header, "Attempt");
        // Every column before "Attempt" identifies the student: the name and the identity fields.
        var studentColumns = Enumerable.Range(0, attemptColumn).ToList();
        var slots = new SortedDictionary<int, int[]>();   // k -> columns of Question, Response, Right answer, Result
        for (var c = 0; c < header.Count; c++)
        {
            var m = InteractionColumn().Match(header[c]);
            if (!m.Success) continue;
            var k = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!slots.TryGetValue(k, out var columns)) slots[k] = columns = [-1, -1, -1, -1];
            columns[m.Groups[1].Value switch { "Question" => 0, "Response" => 1, "Right answer" => 2, _ => 3 }] = c;
        }
        if (slots.Values.Any(s => s[0] < 0 || s[1] < 0))
        {
            diagnostics.Error(DiagnosticCode.UnreadableResults, SourceLocation.File(path),
                "the report lacks its 'Question k' or 'Response k' columns: in Moodle's Interactions report, switch on the display options " +
                "'Question text' and 'Response' (and 'Right answer' and 'Result'), then download again");
            return new ResultsFile(path, ResultsFormat.MoodleInteractions, rows.Count, 0, []);
        }

        var answers = new List<RecordedAnswer>();
        var withAnswers = 0;
        foreach (var row in rows)
        {
            var student = string.Join(" / ", studentColumns.Select(c => ResultsReader.Cell(row, c)).Where(s => s.Length > 0));
            var attemptText = ResultsReader.Cell(row, attemptColumn);
            if (attemptText is "-" or "") continue;   // a student with no attempt
            if (!int.TryParse(attemptText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var attempt) || attempt < 1)
            {
                diagnostics.Warning(DiagnosticCode.MalformedResultRow, ResultsReader.At(path, row, attemptColumn),
                    $"row skipped: the attempt '{ResultsReader.Shorten(attemptText)}' is not a positive whole number");
                continue;
            }
            var before = answers.Count;
            foreach (var (_, columns) in slots)
            {
                var id = ResultsReader.Cell(row, columns[0]);
                if (id.Length == 0) continue;
                answers.Add(new RecordedAnswer(student, attempt, id, ResultsReader.Cell(row, columns[1]),
                    columns[3] >= 0 ? NullIfEmpty(ResultsReader.Cell(row, columns[3])) : null,
                    columns[2] >= 0 ? NullIfEmpty(ResultsReader.Cell(row, columns[2])) : null,
                    ResultsReader.At(path, row, columns[0])));
            }
            if (answers.Count > before) withAnswers++;
        }
        return new ResultsFile(path, ResultsFormat.MoodleInteractions, rows.Count, withAnswers, answers);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}

/// <summary>
/// The simple CSV any LMS export or script can produce (docs/item-analysis.md): a header with
/// student, attempt, question, response and result (any order, any case; more columns are
/// ignored), then one row per answer. attempt and result may be empty or missing.
/// </summary>
public static class SimpleCsv
{
    private static readonly string[] QuestionNames = ["question", "question id", "question_id", "questionid"];

    public static bool Recognises(IReadOnlyList<string> header) =>
        ResultsReader.ColumnOf(header, "student") >= 0 && ResultsReader.ColumnOf(header, QuestionNames) >= 0
        && ResultsReader.ColumnOf(header, "response") >= 0;

    public static ResultsFile Read(string path, IReadOnlyList<string> header, IReadOnlyList<TextRow> rows, DiagnosticBag diagnostics)
    {
        int student = ResultsReader.ColumnOf(header, "student"), attempt = ResultsReader.ColumnOf(header, "attempt"),
            question = ResultsReader.ColumnOf(header, QuestionNames), response = ResultsReader.ColumnOf(header, "response"),
            result = ResultsReader.ColumnOf(header, "result"), key = ResultsReader.ColumnOf(header, "key");
        var answers = new List<RecordedAnswer>();
        foreach (var row in rows)
        {
            var who = ResultsReader.Cell(row, student);
            var id = ResultsReader.Cell(row, question);
            if (who.Length == 0 || id.Length == 0)
            {
                diagnostics.Warning(DiagnosticCode.MalformedResultRow, ResultsReader.At(path, row, who.Length == 0 ? student : question),
                    $"row skipped: it has no {(who.Length == 0 ? "student" : "question")}");
                continue;
            }
            var attemptText = ResultsReader.Cell(row, attempt);
            var number = 1;
            if (attemptText.Length > 0 && (!int.TryParse(attemptText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) || number < 1))
            {
                diagnostics.Warning(DiagnosticCode.MalformedResultRow, ResultsReader.At(path, row, attempt),
                    $"row skipped: the attempt '{ResultsReader.Shorten(attemptText)}' is not a positive whole number");
                continue;
            }
            var outcome = ResultsReader.Cell(row, result);
            var rightAnswer = ResultsReader.Cell(row, key);
            answers.Add(new RecordedAnswer(who, number, id, ResultsReader.Cell(row, response),
                outcome.Length == 0 ? null : outcome, rightAnswer.Length == 0 ? null : rightAnswer, ResultsReader.At(path, row, question)));
        }
        var rowsWithAnswers = answers.Select(a => (a.Student, a.Attempt)).Distinct().Count();
        return new ResultsFile(path, ResultsFormat.SimpleCsv, rows.Count, rowsWithAnswers, answers);
    }
}
