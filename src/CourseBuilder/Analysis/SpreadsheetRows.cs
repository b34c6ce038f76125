using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CourseBuilder.Analysis;

/// <summary>
/// The first worksheet of an .xlsx workbook as rows of text, for Moodle's "Download in Excel
/// format" of the interactions report (Moodle writes it through PhpSpreadsheet: strings in the
/// shared-string table, numbers such as the attempt as numbers). Read with the Open XML SDK.
/// A row's <see cref="TextRow.Line"/> is its spreadsheet row number and a field's position its
/// column, so diagnostics point at the cell.
/// </summary>
public static class SpreadsheetRows
{
    /// <exception cref="InvalidDataException">The file is not a workbook this can read (an .ods, a damaged file).</exception>
    public static List<TextRow> Read(string path)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("it has no workbook");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("it has no worksheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id?.Value ?? throw new InvalidDataException("its first sheet has no part"));
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<TextRow>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var fields = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? fields.Count;
                    while (fields.Count < column) fields.Add("");
                    fields.Add(Text(cell, strings));
                }
                if (fields.All(f => f.Length == 0)) continue;
                rows.Add(new TextRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), fields));
            }
            return rows;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or System.Xml.XmlException or FormatException
                                   or ArgumentOutOfRangeException or InvalidCastException or KeyNotFoundException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    private static string Text(Cell cell, IReadOnlyList<string> strings)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return raw;
    }

    /// <summary>"H12" → 7 (0-based column of the reference).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c)) break;
            index = index * 26 + (c - 'A' + 1);
            letters++;
        }
        return letters == 0 ? null : index - 1;
    }
}
