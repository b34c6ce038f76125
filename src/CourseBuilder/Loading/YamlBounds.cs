using CourseBuilder.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CourseBuilder.Loading;

/// <summary>
/// Watches YAML parser events for what no course file needs and a hostile one uses to hang or
/// crash the reader: nesting deeper than <see cref="MaxDepth"/> (the tree is built recursively,
/// and a stack overflow cannot be caught in .NET), an alias or a list or mapping as a key
/// (comparing such keys walks everything they name, exponentially with nested aliases), and
/// more than <see cref="MaxAliases"/> aliases.
/// </summary>
internal sealed class YamlBounds
{
    public const int MaxDepth = 32;
    public const int MaxAliases = 100;

    public sealed record Problem(DiagnosticCode Code, Mark At, string Message);

    /// <summary>One entry per open collection: true for a mapping whose next node is a key.</summary>
    private readonly Stack<bool> _open = new();
    private readonly Stack<bool> _isMapping = new();
    private int _aliases;

    public Problem? Refuse(ParsingEvent e)
    {
        switch (e)
        {
            case MappingEnd or SequenceEnd:
                if (_open.Count > 0) { _open.Pop(); _isMapping.Pop(); }
                return null;
            case AnchorAlias alias:
                if (++_aliases > MaxAliases)
                    return new Problem(DiagnosticCode.YamlAliasRefused, e.Start, $"more than {MaxAliases} aliases ('*name'); write the values out instead");
                if (AtKey())
                    return new Problem(DiagnosticCode.YamlAliasRefused, e.Start, $"the alias '*{alias.Value}' is used as a key; keys must be plain text");
                Consumed();
                return null;
            case Scalar:
                Consumed();
                return null;
            case MappingStart or SequenceStart:
                if (AtKey())
                    return new Problem(DiagnosticCode.YamlAliasRefused, e.Start, "a list or mapping is used as a key; keys must be plain text");
                Consumed();
                if (_open.Count >= MaxDepth)
                    return new Problem(DiagnosticCode.NestedTooDeeply, e.Start, $"YAML nested more than {MaxDepth} levels deep");
                _open.Push(e is MappingStart);
                _isMapping.Push(e is MappingStart);
                return null;
            default:
                return null;
        }
    }

    private bool AtKey() => _open.Count > 0 && _isMapping.Peek() && _open.Peek();

    /// <summary>A node was read: in a mapping, keys and values alternate.</summary>
    private void Consumed()
    {
        if (_open.Count == 0 || !_isMapping.Peek()) return;
        var expectingKey = _open.Pop();
        _open.Push(!expectingKey);
    }
}
