namespace CourseBuilder.Html;

/// <summary>
/// Finds the start tags of an HTML fragment and their attributes, following HTML's tokenizer
/// rules just far enough for that: comments, doctypes and end tags are skipped, a '&lt;' not
/// followed by a letter is text, attribute values may be quoted either way or unquoted, and the
/// content of raw-text elements is not markup. It reports positions, not copies, so a caller
/// can rewrite values in place (<see cref="IdScoper"/>) or read them (the raw-HTML policy).
/// </summary>
public static class StartTagScanner
{
    /// <summary>A start tag's name: <c>html[NameStart..NameEnd]</c>.</summary>
    public delegate void TagFound(int nameStart, int nameEnd);

    /// <summary>An attribute's name and value (<c>valueStart</c> is -1 for an attribute written without one).</summary>
    public delegate void AttributeFound(int nameStart, int nameEnd, int valueStart, int valueEnd);

    /// <param name="rawTextElements">Elements whose content runs as text to their end tag.</param>
    public static void Scan(string html, IReadOnlyList<string> rawTextElements, TagFound? tag, AttributeFound attribute)
    {
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0 || open + 1 >= html.Length) break;
            var next = html[open + 1];
            if (html.AsSpan(open).StartsWith("<!--"))
            {
                var close = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }
            if (next is '!' or '?' or '/')
            {
                // Doctype, bogus comment or end tag.
                var close = html.IndexOf('>', open + 1);
                i = close < 0 ? html.Length : close + 1;
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                i = open + 1; // a literal '<' in text
                continue;
            }

            var p = open + 1;
            while (p < html.Length && !IsSpace(html[p]) && html[p] is not ('/' or '>')) p++;
            tag?.Invoke(open + 1, p);
            var rawText = Known(html.AsSpan(open + 1, p - open - 1), rawTextElements);
            while (p < html.Length && html[p] != '>')
            {
                if (IsSpace(html[p]) || html[p] == '/') { p++; continue; }
                var nameStart = p;
                p++; // an attribute name may start with '=', per the spec
                while (p < html.Length && !IsSpace(html[p]) && html[p] is not ('/' or '>' or '=')) p++;
                var nameEnd = p;
                var q = p;
                while (q < html.Length && IsSpace(html[q])) q++;
                if (q >= html.Length || html[q] != '=')
                {
                    attribute(nameStart, nameEnd, -1, -1);
                    continue;
                }
                p = q + 1;
                while (p < html.Length && IsSpace(html[p])) p++;
                if (p >= html.Length)
                {
                    attribute(nameStart, nameEnd, -1, -1);
                    break;
                }
                int start, end;
                if (html[p] is '"' or '\'')
                {
                    var quote = html[p];
                    start = p + 1;
                    end = html.IndexOf(quote, start);
                    if (end < 0) end = html.Length;
                    p = Math.Min(end + 1, html.Length);
                }
                else
                {
                    start = p;
                    while (p < html.Length && !IsSpace(html[p]) && html[p] != '>') p++;
                    end = p;
                }
                attribute(nameStart, nameEnd, start, end);
            }
            i = p + 1;

            if (rawText is not null)
            {
                var close = html.IndexOf("</" + rawText, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }
    }

    /// <summary>The entry of <paramref name="names"/> that <paramref name="name"/> is, ignoring ASCII case (HTML names are case-insensitive); null for any other name.</summary>
    public static string? Known(ReadOnlySpan<char> name, IReadOnlyList<string> names)
    {
        foreach (var known in names)
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase)) return known;
        return null;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
