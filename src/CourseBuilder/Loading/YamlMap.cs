using System.Globalization;
using CourseBuilder.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CourseBuilder.Loading;

/// <summary>
/// A YAML mapping read field by field, with every problem reported at the exact line and column:
/// missing required fields, wrong types, and unknown keys (a warning with a "did you mean").
/// </summary>
public sealed partial class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly SourceLocation _location;

    private YamlMap(YamlMappingNode node, string path, int lineOffset, DiagnosticBag diagnostics, SourceLocation location)
    {
        _node = node;
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
        _location = location;
    }

    public SourceLocation Location => _location;

    /// <summary>Parses <paramref name="text"/>; <paramref name="lineOffset"/> is the file line the text starts after (front matter).</summary>
    public static YamlMap? Parse(string text, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        Mark last = Mark.Empty;
        try
        {
            // A first pass over the raw events keeps the position of the last good event: some
            // errors (an unclosed '[') surface as InvalidOperationException without a position.
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext()) last = parser.Current!.End;
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            // YamlDotNet prefixes its messages with the position; ours is in the diagnostic already.
            var paren = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && paren > 0) message = message[(paren + 3)..];
            diagnostics.Error(DiagnosticCode.MalformedYaml,
                new SourceLocation(path, (int)ex.Start.Line + lineOffset, (int)ex.Start.Column), $"malformed YAML: {message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            diagnostics.Error(DiagnosticCode.MalformedYaml, new SourceLocation(path, (int)Math.Max(1, last.Line) + lineOffset, (int)Math.Max(1, last.Column)),
                "malformed YAML after this point: check for an unclosed '[', '{' or quote");
            return null;
        }
        var root = stream.Documents.FirstOrDefault()?.RootNode;
        var location = new SourceLocation(path, 1 + lineOffset, 1);
        if (root is null || root is YamlScalarNode { Value: null or "" })
            return new YamlMap(new YamlMappingNode(), path, lineOffset, diagnostics, location);
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCode.MalformedYaml, At(path, lineOffset, root), "expected 'key: value' lines at the top level");
            return null;
        }
        return new YamlMap(mapping, path, lineOffset, diagnostics, At(path, lineOffset, mapping));
    }

    private static SourceLocation At(string path, int lineOffset, YamlNode node) =>
        new(path, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

    public SourceLocation At(YamlNode node) => At(_path, _lineOffset, node);

    public SourceLocation KeyLocation(string key) =>
        _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } k ? At(k) : _location;

    private YamlNode? Get(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public bool Has(string key) => Get(key) is not null;

    /// <summary>Warns about each key not in <paramref name="known"/>. Call once all fields are read.</summary>
    public void WarnUnknownKeys(params string[] known)
    {
        foreach (var key in _node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value is { } name && !known.Contains(name))
                _diagnostics.Warning(DiagnosticCode.UnknownKey, At(key), $"unknown key '{name}'{Suggest.DidYouMean(name, known)}");
        }
    }

    public string? String(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required) _diagnostics.Error(DiagnosticCode.MissingField, _location, $"missing required field '{key}'");
            return null;
        }
        if (node is YamlScalarNode scalar)
        {
            var value = scalar.Value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (required) _diagnostics.Error(DiagnosticCode.MissingField, At(node), $"field '{key}' is empty");
                return null;
            }
            return value;
        }
        _diagnostics.Error(DiagnosticCode.InvalidValue, At(node), $"field '{key}' must be text, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
        return null;
    }

    public int? Int(string key, int min, int max, bool required = false)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        _diagnostics.Error(DiagnosticCode.InvalidValue, At(Get(key)!), $"field '{key}' must be a whole number from {min} to {max}, not '{text}'");
        return null;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null) return null;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
            default:
                _diagnostics.Error(DiagnosticCode.InvalidValue, At(Get(key)!), $"field '{key}' must be true or false, not '{text}'");
                return null;
        }
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        _diagnostics.Error(DiagnosticCode.InvalidValue, At(Get(key)!), $"field '{key}' must be a date written YYYY-MM-DD, not '{text}'");
        return null;
    }

    /// <summary>A list of strings; a single scalar counts as a list of one.</summary>
    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                if (required) _diagnostics.Error(DiagnosticCode.MissingField, _location, $"missing required field '{key}'");
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
            case YamlSequenceNode sequence:
                var result = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) result.Add(v.Trim());
                    else _diagnostics.Error(DiagnosticCode.InvalidValue, At(item), $"each item of '{key}' must be text");
                }
                return result;
            default:
                _diagnostics.Error(DiagnosticCode.InvalidValue, At(node), $"field '{key}' must be a list");
                return [];
        }
    }

    /// <summary>The scalar node of a list item, for locating it.</summary>
    public SourceLocation ItemLocation(string key, int index) =>
        Get(key) is YamlSequenceNode seq && index < seq.Children.Count ? At(seq.Children[index]) : KeyLocation(key);

    public YamlMap? Map(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlMappingNode mapping) return new YamlMap(mapping, _path, _lineOffset, _diagnostics, At(mapping));
        _diagnostics.Error(DiagnosticCode.InvalidValue, At(node), $"field '{key}' must be a set of 'key: value' lines");
        return null;
    }

    public IReadOnlyList<YamlMap> MapList(string key, bool required = false)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                if (required) _diagnostics.Error(DiagnosticCode.MissingField, _location, $"missing required field '{key}'");
                return [];
            case YamlSequenceNode sequence:
                var result = new List<YamlMap>();
                foreach (var item in sequence)
                {
                    if (item is YamlMappingNode m) result.Add(new YamlMap(m, _path, _lineOffset, _diagnostics, At(m)));
                    else _diagnostics.Error(DiagnosticCode.InvalidValue, At(item), $"each item of '{key}' must be a set of 'key: value' lines");
                }
                return result;
            default:
                _diagnostics.Error(DiagnosticCode.InvalidValue, At(node), $"field '{key}' must be a list");
                return [];
        }
    }

    public void Error(DiagnosticCode code, string key, string message) => _diagnostics.Error(code, Get(key) is { } n ? At(n) : _location, message);
}
