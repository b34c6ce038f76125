namespace CourseBuilder.Pdf.Layout;

/// <summary>A span of one style placed on a line, at an offset from the line's start.</summary>
public sealed record PlacedSpan(double X, string Text, TextStyle Style, LinkTarget? Link, double Width);

public sealed record TextLine(IReadOnlyList<PlacedSpan> Spans, double Width);

/// <summary>
/// Greedy line breaking over styled runs: words go on the line while they fit; a word wider than
/// the whole line (a URL, a DOI) is cut, preferring a cut after '/', '.', '-' and the like.
/// </summary>
public static class LineBreaker
{
    private const string BreakAfter = "/.-_?&=#:;,)";

    private readonly record struct Piece(string Text, TextStyle Style, LinkTarget? Link);

    private sealed class Word
    {
        public List<Piece> Pieces { get; } = [];
        public bool SpaceBefore { get; set; }
        public TextStyle SpaceStyle { get; set; }
        public LinkTarget? SpaceLink { get; set; }
        public bool HardBreakBefore { get; set; }
    }

    public static List<TextLine> Break(IReadOnlyList<TextRun> runs, double width, FontBook fonts)
    {
        var words = Words(FontFallback.Apply(runs));
        var lines = new List<TextLine>();
        var builder = new LineBuilder(fonts);
        foreach (var word in words)
        {
            if (word.HardBreakBefore)
            {
                lines.Add(builder.Finish());
            }
            var wordWidth = word.Pieces.Sum(p => fonts.Width(p.Text, p.Style));
            var space = word.SpaceBefore && !builder.IsEmpty ? fonts.Width(" ", word.SpaceStyle) : 0;
            if (builder.Width + space + wordWidth <= width + 0.01)
            {
                if (space > 0) builder.Add(new Piece(" ", word.SpaceStyle, word.SpaceLink), space);
                foreach (var p in word.Pieces) builder.Add(p, fonts.Width(p.Text, p.Style));
                continue;
            }
            if (!builder.IsEmpty && wordWidth <= width)
            {
                lines.Add(builder.Finish());
                foreach (var p in word.Pieces) builder.Add(p, fonts.Width(p.Text, p.Style));
                continue;
            }
            // Too long for a line of its own: fill the current line's room if it is worth it, then cut.
            if (!builder.IsEmpty)
            {
                var room = width - builder.Width - space;
                if (room < width * 0.25) lines.Add(builder.Finish());
                else builder.Add(new Piece(" ", word.SpaceStyle, word.SpaceLink), space);
            }
            foreach (var piece in word.Pieces)
            {
                // An offset into the piece rather than a copy of its rest per line: a word of a
                // million characters costs its length once, not once per line.
                var start = 0;
                while (start < piece.Text.Length)
                {
                    var room = width - builder.Width;
                    var (fit, used) = Fit(piece.Text, start, room + 0.01, piece.Style, fonts);
                    if (fit == piece.Text.Length - start)
                    {
                        var whole = start == 0 ? piece.Text : piece.Text[start..];
                        builder.Add(piece with { Text = whole }, fonts.Width(whole, piece.Style));
                        break;
                    }
                    if (fit > 0 && used > room) fit--; // the tolerance is for whole pieces only
                    var cut = FriendlyCut(piece.Text, start, fit);
                    if (cut == 0 && builder.IsEmpty) cut = 1; // a single glyph wider than the line: place it anyway
                    if (cut > 0)
                    {
                        var head = piece with { Text = piece.Text.Substring(start, cut) };
                        builder.Add(head, fonts.Width(head.Text, head.Style));
                    }
                    lines.Add(builder.Finish());
                    start += cut;
                }
            }
        }
        if (!builder.IsEmpty || lines.Count == 0) lines.Add(builder.Finish());
        return lines;
    }

    /// <summary>
    /// How many characters of <paramref name="text"/> from <paramref name="start"/> fit in the
    /// room, and their width. Glyph advances add up (the metrics have no kerning), so summing one
    /// character at a time stops at the line's end and costs the length of a line.
    /// </summary>
    private static (int Count, double Width) Fit(string text, int start, double room, TextStyle style, FontBook fonts)
    {
        double used = 0;
        var i = start;
        while (i < text.Length)
        {
            var advance = fonts.Width(text[i].ToString(), style);
            if (used + advance > room) break;
            used += advance;
            i++;
        }
        return (i - start, used);
    }

    /// <summary>The cut within the first <paramref name="fit"/> characters, at a friendly character when one is in its second half.</summary>
    private static int FriendlyCut(string text, int start, int fit)
    {
        if (fit is 0) return 0;
        for (var i = fit; i > fit / 2 && i > 1; i--)
            if (BreakAfter.Contains(text[start + i - 1])) return i;
        return fit;
    }

    private static List<Word> Words(IReadOnlyList<TextRun> runs)
    {
        var words = new List<Word>();
        var current = new Word();
        var pendingSpace = false;
        var pendingBreak = false;
        TextStyle spaceStyle = default;
        LinkTarget? spaceLink = null;
        foreach (var run in runs)
        {
            var text = run.Text;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var atEnd = i == text.Length;
                var c = atEnd ? '\0' : text[i];
                if (!atEnd && c != '\n' && !char.IsWhiteSpace(c)) continue;
                if (i > start)
                {
                    if (pendingSpace || pendingBreak)
                    {
                        if (current.Pieces.Count > 0) words.Add(current);
                        current = new Word { SpaceBefore = pendingSpace, SpaceStyle = spaceStyle, SpaceLink = spaceLink, HardBreakBefore = pendingBreak };
                        pendingSpace = pendingBreak = false;
                    }
                    current.Pieces.Add(new Piece(text[start..i], run.Style, run.Link));
                }
                if (!atEnd)
                {
                    if (c == '\n') { pendingBreak = true; pendingSpace = false; }
                    else if (!pendingBreak) { pendingSpace = true; spaceStyle = run.Style; spaceLink = run.Link; }
                }
                start = i + 1;
            }
        }
        if (current.Pieces.Count > 0) words.Add(current);
        if (words.Count > 0) words[0].SpaceBefore = false;
        return words;
    }

    /// <summary>Collects pieces into spans, merging neighbours of the same style and link.</summary>
    private sealed class LineBuilder(FontBook fonts)
    {
        private readonly List<PlacedSpan> _spans = [];
        public double Width { get; private set; }
        public bool IsEmpty => _spans.Count == 0;

        public void Add(Piece piece, double width)
        {
            if (_spans.Count > 0 && _spans[^1] is var last && last.Style == piece.Style && Equals(last.Link, piece.Link))
            {
                var text = last.Text + piece.Text;
                _spans[^1] = last with { Text = text, Width = fonts.Width(text, piece.Style) };
            }
            else
            {
                _spans.Add(new PlacedSpan(Width, piece.Text, piece.Style, piece.Link, width));
            }
            Width += width;
        }

        public TextLine Finish()
        {
            // A trailing space adds nothing visible.
            while (_spans.Count > 0 && _spans[^1].Text.EndsWith(' '))
            {
                var last = _spans[^1];
                var trimmed = last.Text.TrimEnd(' ');
                if (trimmed.Length == 0) _spans.RemoveAt(_spans.Count - 1);
                else _spans[^1] = last with { Text = trimmed, Width = fonts.Width(trimmed, last.Style) };
            }
            var line = new TextLine(_spans.ToList(), _spans.Count == 0 ? 0 : _spans[^1].X + _spans[^1].Width);
            _spans.Clear();
            Width = 0;
            return line;
        }
    }
}
