using System.Globalization;
using System.Net;
using System.Text;

namespace CourseBuilder.Loading;

/// <summary>
/// What raw HTML in a lesson may not do unless course.yml sets <c>allow-raw-scripts: true</c>:
/// run script (script elements, <c>on…</c> attributes, <c>javascript:</c> and <c>vbscript:</c>
/// URLs), load or embed other documents (iframe, object, embed, frames), or take over the page
/// (base, form, meta http-equiv). The HTML is tokenized as a browser does (start tags, attribute
/// quoting, comments, raw-text elements, "/" between attributes) and attribute values are
/// judged after character references are decoded and the whitespace browsers skip in URLs is
/// removed, so <c>&lt;img/onerror=…&gt;</c> or <c>&amp;#106;avascript:</c> are seen for what they are.
/// </summary>
public static class RawHtmlPolicy
{
    private const string Allow = "scripts are not allowed (set allow-raw-scripts: true in course.yml to allow them)";

    private static readonly HashSet<string> EmbeddingElements = new(StringComparer.OrdinalIgnoreCase)
        { "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form" };

    /// <summary>Elements whose content is text up to their end tag, not markup.</summary>
    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:", "livescript:"];

    /// <summary>The first thing the HTML does that the policy refuses, said in a sentence; null when it is acceptable.</summary>
    public static string? Violation(string html)
    {
        foreach (var (tag, attributes) in StartTags(html))
        {
            var local = tag.Contains(':') ? tag[(tag.LastIndexOf(':') + 1)..] : tag;
            if (local.Equals("script", StringComparison.OrdinalIgnoreCase))
                return $"raw HTML contains <script>; {Allow}";
            if (EmbeddingElements.Contains(local))
                return $"raw HTML contains <{local.ToLowerInvariant()}>; frames, embedded objects, forms and <base> are not allowed (set allow-raw-scripts: true in course.yml to allow them)";
            if (local.Equals("meta", StringComparison.OrdinalIgnoreCase) && attributes.Any(a => a.Name.Equals("http-equiv", StringComparison.OrdinalIgnoreCase)))
                return $"raw HTML contains <meta http-equiv>, which can reload or redirect the page; {Allow}";
            foreach (var (name, value) in attributes)
                if (AttributeViolation(name, value) is { } problem) return problem;
        }
        return null;
    }

    /// <summary>The problem with one attribute (raw HTML or Markdown's <c>{name=value}</c>); null when acceptable.</summary>
    public static string? AttributeViolation(string name, string value)
    {
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && name.Length > 2)
            return $"raw HTML has an event handler attribute '{name.ToLowerInvariant()}='; {Allow}";
        if (IsScriptUrl(Decode(value)))
            return $"raw HTML contains a '{Scheme(Decode(value))}' URL in '{name.ToLowerInvariant()}'; {Allow}";
        return null;
    }

    /// <summary>True for a URL that runs script, whatever whitespace, control characters or case hide its scheme.</summary>
    public static bool IsScriptUrl(string url) => Scheme(url) is not null;

    public static string? Scheme(string url)
    {
        // Browsers drop tabs and line breaks anywhere in a URL and controls and spaces around it.
        var compact = new StringBuilder(Math.Min(url.Length, 32));
        foreach (var c in url)
        {
            if (c <= ' ' || char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF') continue;
            compact.Append(char.ToLowerInvariant(c));
            if (compact.Length >= 16) break;
        }
        var text = compact.ToString();
        return ScriptSchemes.FirstOrDefault(s => text.StartsWith(s, StringComparison.Ordinal));
    }

    /// <summary>Decodes character references as a browser does in an attribute, numeric ones with or without ';'.</summary>
    public static string Decode(string value)
    {
        if (!value.Contains('&')) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '&') { sb.Append(value[i]); continue; }
            var j = i + 1;
            if (j < value.Length && value[j] == '#')
            {
                j++;
                var hex = j < value.Length && value[j] is 'x' or 'X';
                if (hex) j++;
                var start = j;
                while (j < value.Length && (hex ? char.IsAsciiHexDigit(value[j]) : char.IsAsciiDigit(value[j]))) j++;
                if (j > start && long.TryParse(value.AsSpan(start, Math.Min(j - start, 10)), hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                {
                    sb.Append(code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32((int)code) : "\uFFFD");
                    i = j < value.Length && value[j] == ';' ? j : j - 1;
                    continue;
                }
                sb.Append('&');
                continue;
            }
            var semicolon = value.IndexOf(';', j);
            if (semicolon > j && semicolon - j <= 32)
            {
                var name = value[j..semicolon];
                var decoded = Html5Entities.TryGetValue(name, out var extra) ? extra : WebUtility.HtmlDecode("&" + name + ";");
                if (decoded != "&" + name + ";")
                {
                    sb.Append(decoded);
                    i = semicolon;
                    continue;
                }
            }
            sb.Append('&');
        }
        return sb.ToString();
    }

    /// <summary>HTML5 names WebUtility (HTML 4) does not know, among those that can hide a URL scheme.</summary>
    private static readonly Dictionary<string, string> Html5Entities = new(StringComparer.Ordinal)
    {
        ["Tab"] = "\t", ["NewLine"] = "\n", ["colon"] = ":", ["sol"] = "/", ["period"] = ".", ["comma"] = ",",
        ["lpar"] = "(", ["rpar"] = ")", ["semi"] = ";", ["excl"] = "!", ["quest"] = "?", ["num"] = "#",
        ["equals"] = "=", ["lowbar"] = "_", ["plus"] = "+", ["apos"] = "'", ["grave"] = "`", ["bsol"] = "\\",
        ["commat"] = "@", ["dollar"] = "$", ["percnt"] = "%", ["lsqb"] = "[", ["rsqb"] = "]", ["lcub"] = "{", ["rcub"] = "}",
    };

    /// <summary>Each start tag's name and attributes (values as written), in document order.</summary>
    public static List<(string Tag, List<(string Name, string Value)> Attributes)> StartTags(string html)
    {
        var tags = new List<(string Tag, List<(string Name, string Value)> Attributes)>();
        Html.StartTagScanner.Scan(html, RawTextElements,
            (nameStart, nameEnd) => tags.Add((html[nameStart..nameEnd], [])),
            (nameStart, nameEnd, valueStart, valueEnd) =>
                tags[^1].Attributes.Add((html[nameStart..nameEnd], valueStart < 0 ? "" : html[valueStart..valueEnd])));
        return tags;
    }
}
