using CourseBuilder.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace CourseBuilder.Loading;

// Kept apart from YamlMap.cs: reading fields whose value may take one of several shapes
// (quiz.md's `blueprint` is either a word or a mapping), added for the quiz policy keys.
public sealed partial class YamlMap
{
    /// <summary>True when <paramref name="key"/> is present and its value is a mapping.</summary>
    public bool IsMap(string key) => Get(key) is YamlMappingNode;

    /// <summary>The keys of this mapping in the order written, with where each is written.</summary>
    public IReadOnlyList<(string Key, SourceLocation Location)> KeysInOrder() =>
        _node.Children.Keys.OfType<YamlScalarNode>()
            .Where(k => !string.IsNullOrEmpty(k.Value))
            .Select(k => (k.Value!, At(k)))
            .ToList();

    /// <summary>Where the value of <paramref name="key"/> is written, or the key's mapping when absent.</summary>
    public SourceLocation ValueLocation(string key) => Get(key) is { } node ? At(node) : _location;
}
