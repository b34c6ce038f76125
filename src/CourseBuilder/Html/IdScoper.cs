using AngleSharp.Html.Parser;

namespace CourseBuilder.Html;

/// <summary>
/// A player page holds many lessons, and each lesson's Markdown makes its own ids (headings,
/// footnotes). Prefixing every id of a lesson's fragment with the lesson's page id keeps ids
/// unique on the page; in-fragment references (#links, label for, aria-*) follow.
/// </summary>
public static class IdScoper
{
    // One parser per thread: a parser shares its browsing context with every document it makes,
    // and AngleSharp does not promise that a context is safe to use from parallel build jobs.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());
    private static readonly string[] IdListAttributes = ["aria-describedby", "aria-labelledby", "aria-controls"];

    public static string Scope(string html, string prefix)
    {
        var document = Parser.Value!.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in body.QuerySelectorAll("[id]"))
            if (element.GetAttribute("id") is { Length: > 0 } found) ids.Add(found);
        if (ids.Count == 0) return html;
        string Map(string id) => ids.Contains(id) ? $"{prefix}-{id}" : id;

        foreach (var element in body.QuerySelectorAll("*"))
        {
            // Only elements that carry an id: AngleSharp's Id is "" for the rest.
            if (element.GetAttribute("id") is { Length: > 0 } id) element.Id = Map(id);
            if (element.GetAttribute("for") is { } forId) element.SetAttribute("for", Map(forId));
            if (element.GetAttribute("href") is { } href && href.StartsWith('#') && ids.Contains(href[1..]))
                element.SetAttribute("href", "#" + Map(href[1..]));
            foreach (var attribute in IdListAttributes)
                if (element.GetAttribute(attribute) is { } list)
                    element.SetAttribute(attribute, string.Join(' ', list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Map)));
        }
        return body.InnerHtml;
    }
}
