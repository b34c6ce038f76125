namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// Open Sans covers Latin, Greek, Cyrillic and common punctuation but not arrows, maths or other
/// symbols; DejaVu Sans Mono (also bundled) covers those, so such characters switch to it
/// rather than print as empty boxes.
/// </summary>
public static class FontFallback
{
    public static bool SansCovers(char c) =>
        c < 0x0250 || c is >= '\u0370' and <= '\u03FF' or >= '\u0400' and <= '\u04FF'
        || c is >= '\u1E00' and <= '\u1EFF' or >= '\u2000' and <= '\u206F' or '\u20AC' or '\u2122';

    public static List<TextRun> Apply(IReadOnlyList<TextRun> runs)
    {
        var result = new List<TextRun>(runs.Count);
        foreach (var run in runs)
        {
            if (run.Style.Face == Face.Mono || run.Text.All(SansCovers)) { result.Add(run); continue; }
            var start = 0;
            for (var i = 1; i <= run.Text.Length; i++)
            {
                if (i < run.Text.Length && SansCovers(run.Text[i]) == SansCovers(run.Text[start])) continue;
                var piece = run.Text[start..i];
                result.Add(SansCovers(piece[0]) || char.IsWhiteSpace(piece[0]) ? run with { Text = piece } : run with { Text = piece, Style = run.Style with { Face = Face.Mono } });
                start = i;
            }
        }
        return result;
    }
}
