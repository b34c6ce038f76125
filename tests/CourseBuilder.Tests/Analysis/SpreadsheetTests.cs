using System.Globalization;
using CourseBuilder.Analysis;
using CourseBuilder.Diagnostics;
using CourseBuilder.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CourseBuilder.Tests.Analysis;

/// <summary>
/// The .xlsx reader. No real Excel download from Moodle is at hand, so the test writes the real
/// text download's cells into a workbook the way Moodle's PhpSpreadsheet writer stores them
/// (strings in the shared-string table, numeric cells as numbers) and expects the same answers.
/// </summary>
public sealed class SpreadsheetTests
{
    [Fact]
    public void ExcelDownloadGivesTheSameAnswersAsTheTextDownload()
    {
        using var temp = new TempDir("xlsx");
        var tsv = AnalysisFixture.MoodleExport("moodle-scorm12-module-interactions.tsv");
        var xlsx = temp.Sub("report.xlsx");
        WriteWorkbook(xlsx, DelimitedText.Split(File.ReadAllText(tsv), '\t'));

        var diagnostics = new DiagnosticBag();
        var fromText = ResultsReader.Read(tsv, diagnostics)!;
        var fromWorkbook = ResultsReader.Read(xlsx, diagnostics)!;
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(5, fromWorkbook.Rows);
        Assert.Equal(16, fromWorkbook.Answers.Count);
        Assert.Equal(fromText.Answers.Select(a => (a.Student, a.Attempt, a.InteractionId, a.Response, a.Result, a.RightAnswer, a.Location.Line, a.Location.Column)),
                     fromWorkbook.Answers.Select(a => (a.Student, a.Attempt, a.InteractionId, a.Response, a.Result, a.RightAnswer, a.Location.Line, a.Location.Column)));
    }

    [Fact]
    public void AnOdsOrDamagedWorkbookIsAnErrorNotACrash()
    {
        using var temp = new TempDir("xlsx");
        var bad = temp.Sub("report.ods");
        using (var zip = System.IO.Compression.ZipFile.Open(bad, System.IO.Compression.ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("mimetype").Open()))
            writer.Write("application/vnd.oasis.opendocument.spreadsheet");
        var diagnostics = new DiagnosticBag();
        Assert.Null(ResultsReader.Read(bad, diagnostics));
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("CB0200", error.Code);
        Assert.Contains("not a workbook analyze can read", error.Message);
    }

    private static void WriteWorkbook(string path, IReadOnlyList<TextRow> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>();
        var data = new SheetData();
        foreach (var (row, r) in rows.Select((row, r) => (row, r)))
        {
            var xmlRow = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < row.Fields.Count; c++)
            {
                var value = row.Fields[c];
                if (value.Length == 0) continue;   // PhpSpreadsheet leaves empty cells out
                var reference = $"{Column(c)}{r + 1}";
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    xmlRow.Append(new Cell { CellReference = reference, CellValue = new CellValue(value) });
                else
                {
                    if (!index.TryGetValue(value, out var i))
                    {
                        index[value] = i = index.Count;
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(value)));
                    }
                    xmlRow.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) });
                }
            }
            data.Append(xmlRow);
        }
        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Report" }));
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);
}
