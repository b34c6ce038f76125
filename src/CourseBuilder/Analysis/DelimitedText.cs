namespace CourseBuilder.Analysis;

/// <summary>One record of a delimited text file, with the 1-based line it starts on.</summary>
public sealed record TextRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Splits CSV or TSV text as spreadsheets and PHP's fputcsv (which Moodle's "CSV" download uses,
/// with a tab) write it: a field may be quoted with '"', a quote inside is doubled, and a quoted
/// field may hold the delimiter or a line break. Unquoted fields are taken as they are.
/// </summary>
public static class DelimitedText
{
    public static List<TextRow> Split(string text, char delimiter)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = new List<TextRow>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        int line = 1, rowLine = 1, i = 0;
        bool quoted = false, wasQuoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                if (c == '\n') line++;
                field.Append(c);
                i++;
                continue;
            }
            if (c == '"' && field.Length == 0 && !wasQuoted) { quoted = wasQuoted = true; i++; continue; }
            if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); wasQuoted = false; i++; continue; }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                i++;
                EndRow();
                line++;
                rowLine = line;
                continue;
            }
            field.Append(c);
            i++;
        }
        if (field.Length > 0 || fields.Count > 0 || wasQuoted) EndRow();
        return rows;

        void EndRow()
        {
            fields.Add(field.ToString());
            field.Clear();
            wasQuoted = false;
            // A blank line is no record.
            if (!(fields.Count == 1 && fields[0].Length == 0)) rows.Add(new TextRow(rowLine, fields.ToArray()));
            fields.Clear();
        }
    }

    /// <summary>The delimiter a header line uses: tab if it has one, else ';' if it has more of those than commas, else ','.</summary>
    public static char GuessDelimiter(string headerLine)
    {
        if (headerLine.Contains('\t')) return '\t';
        return headerLine.Count(c => c == ';') > headerLine.Count(c => c == ',') ? ';' : ',';
    }

    /// <summary>A field for a CSV file we write: quoted only when it must be.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
