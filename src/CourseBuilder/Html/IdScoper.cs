using System.Text;

namespace CourseBuilder.Html;

/// <summary>
/// A player page holds many lessons, and each lesson's Markdown makes its own ids (headings,
/// footnotes). Prefixing every id of a lesson's fragment with the lesson's page id keeps ids
/// unique on the page; in-fragment references (#links, label for, aria-*) follow.
/// </summary>
/// <remarks>
/// The fragment is tokenized just far enough to find start tags and their attributes (HTML's
/// tokenizer rules for comments, raw-text elements and attribute quoting), and only the
/// attribute values that change are rewritten: everything else keeps its exact bytes. Parsing
/// each fragment into a DOM and serializing it back cost a tenth of a large build.
/// </remarks>
public static class IdScoper
{
    private static readonly string[] IdListAttributes = ["aria-describedby", "aria-labelledby", "aria-controls"];

    /// <summary>The attributes that hold or name ids: the only ones the scan records.</summary>
    private static readonly string[] ScopedAttributes = ["id", "for", "href", .. IdListAttributes];

    /// <summary>Elements whose content is text up to their end tag, not markup.</summary>
    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    private readonly record struct Attribute(string Name, int ValueStart, int ValueEnd);

    public static string Scope(string html, string prefix)
    {
        var attributes = Attributes(html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in attributes)
            if (a.Name == "id" && a.ValueEnd > a.ValueStart) ids.Add(html[a.ValueStart..a.ValueEnd]);
        if (ids.Count == 0) return html;
        string Map(string id) => ids.Contains(id) ? $"{prefix}-{id}" : id;

        var result = new StringBuilder(html.Length + ids.Count * (prefix.Length + 1) * 2);
        var copied = 0;
        foreach (var a in attributes)
        {
            var value = html[a.ValueStart..a.ValueEnd];
            string? replacement = a.Name switch
            {
                "id" or "for" => Map(value),
                "href" when value.Length > 1 && value[0] == '#' => "#" + Map(value[1..]),
                _ when IdListAttributes.Contains(a.Name) =>
                    string.Join(' ', value.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries).Select(Map)),
                _ => null,
            };
            if (replacement is null || replacement == value) continue;
            result.Append(html, copied, a.ValueStart - copied).Append(replacement);
            copied = a.ValueEnd;
        }
        return result.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Every <see cref="ScopedAttributes"/> attribute with a value, in document order; names as listed there.</summary>
    private static List<Attribute> Attributes(string html)
    {
        var found = new List<Attribute>();
        var i = 0;
        while (true)
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
                // Doctype, bogus comment or end tag: nothing to scope.
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
            var rawTextTag = Known(html.AsSpan(open + 1, p - open - 1), RawTextElements);
            while (p < html.Length && html[p] != '>')
            {
                if (IsSpace(html[p]) || html[p] == '/') { p++; continue; }
                var nameStart = p;
                p++; // an attribute name may start with '=', per the spec
                while (p < html.Length && !IsSpace(html[p]) && html[p] is not ('/' or '>' or '=')) p++;
                var name = Known(html.AsSpan(nameStart, p - nameStart), ScopedAttributes);
                var q = p;
                while (q < html.Length && IsSpace(html[q])) q++;
                if (q >= html.Length || html[q] != '=') continue; // no value
                p = q + 1;
                while (p < html.Length && IsSpace(html[p])) p++;
                if (p >= html.Length) break;
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
                if (name is not null) found.Add(new Attribute(name, start, end));
            }
            i = p + 1;

            if (rawTextTag is not null)
            {
                var close = html.IndexOf("</" + rawTextTag, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }
        return found;
    }

    /// <summary>The entry of <paramref name="names"/> that <paramref name="name"/> is, ignoring ASCII case (HTML names are case-insensitive); null for any other name.</summary>
    private static string? Known(ReadOnlySpan<char> name, string[] names)
    {
        foreach (var known in names)
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase)) return known;
        return null;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
