using System.Text;

namespace CourseBuilder.Html;

/// <summary>
/// A player page holds many lessons, and each lesson's Markdown makes its own ids (headings,
/// footnotes). Prefixing every id of a lesson's fragment with the lesson's page id keeps ids
/// unique on the page; in-fragment references (#links, label for, aria-*) follow.
/// </summary>
/// <remarks>
/// The fragment is tokenized just far enough to find start tags and their attributes
/// (<see cref="StartTagScanner"/>), and only the attribute values that change are rewritten:
/// everything else keeps its exact bytes. Parsing
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
        StartTagScanner.Scan(html, RawTextElements, null, (nameStart, nameEnd, valueStart, valueEnd) =>
        {
            if (valueStart >= 0 && StartTagScanner.Known(html.AsSpan(nameStart, nameEnd - nameStart), ScopedAttributes) is { } name)
                found.Add(new Attribute(name, valueStart, valueEnd));
        });
        return found;
    }
}
