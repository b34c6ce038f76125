namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// Open Sans covers Latin, Greek, Cyrillic and common punctuation but not arrows, maths or other
/// symbols; DejaVu Sans Mono (also bundled) covers many of those, so a character the sans font's
/// own character map lacks switches to it rather than print as an empty box.
/// </summary>
public static class FontFallback
{
    /// <summary>
    /// Control characters have no glyph in any font and are never drawn (line breaking consumes
    /// them), so they stay with the text around them instead of splitting the run.
    /// </summary>
    public static bool Covers(Face face, char c) => c < 0x20 || FontBook.HasGlyph(face, c);

    private static bool CoversAll(Face face, string text)
    {
        foreach (var c in text)
            if (!Covers(face, c)) return false;
        return true;
    }

    public static List<TextRun> Apply(IReadOnlyList<TextRun> runs)
    {
        var result = new List<TextRun>(runs.Count);
        foreach (var run in runs)
        {
            if (run.Style.Face == Face.Mono || CoversAll(run.Style.Face, run.Text)) { result.Add(run); continue; }
            var start = 0;
            for (var i = 1; i <= run.Text.Length; i++)
            {
                if (i < run.Text.Length && Covers(run.Style.Face, run.Text[i]) == Covers(run.Style.Face, run.Text[start])) continue;
                var piece = run.Text[start..i];
                result.Add(Covers(run.Style.Face, piece[0]) || char.IsWhiteSpace(piece[0]) ? run with { Text = piece } : run with { Text = piece, Style = run.Style with { Face = Face.Mono } });
                start = i;
            }
        }
        return result;
    }
}
