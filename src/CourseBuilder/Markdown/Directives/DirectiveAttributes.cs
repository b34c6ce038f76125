using System.Text;

namespace CourseBuilder.Markdown.Directives;

/// <summary>
/// The words after a <c>:::</c> name: <c>key=value</c> pairs (values may be "quoted") and free
/// text. <c>::: case A night on the wards</c> has the title "A night on the wards";
/// <c>::: question id=q1 type=multiple</c> has two attributes and no title.
/// </summary>
public sealed class DirectiveAttributes
{
    public static readonly DirectiveAttributes Empty = new(new Dictionary<string, string>(), "");

    private readonly Dictionary<string, string> _values;

    private DirectiveAttributes(Dictionary<string, string> values, string title)
    {
        _values = values;
        Title = title;
    }

    /// <summary>The words that are not <c>key=value</c> pairs, joined by single spaces.</summary>
    public string Title { get; }

    public IEnumerable<string> Keys => _values.Keys;

    public string? this[string key] => _values.TryGetValue(key, out var v) ? v : null;

    public static DirectiveAttributes Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var title = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var word = ReadToken(text, ref i, stopAtEquals: true);
            if (i < text.Length && text[i] == '=' && IsKey(word))
            {
                i++;
                values[word] = ReadToken(text, ref i, stopAtEquals: false);
            }
            else
            {
                title.Add(word);
            }
        }
        return new DirectiveAttributes(values, string.Join(' ', title));
    }

    private static bool IsKey(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string ReadToken(string text, ref int i, bool stopAtEquals)
    {
        var sb = new StringBuilder();
        if (i < text.Length && text[i] is '"' or '\'')
        {
            var quote = text[i++];
            while (i < text.Length && text[i] != quote) sb.Append(text[i++]);
            if (i < text.Length) i++;
            return sb.ToString();
        }
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !(stopAtEquals && text[i] == '='))
            sb.Append(text[i++]);
        return sb.ToString();
    }
}
