namespace CourseBuilder;

/// <summary>Files the tool carries inside its assembly: templates, the learner runtime, schemas, fonts.</summary>
internal static class EmbeddedFiles
{
    private static readonly System.Reflection.Assembly Assembly = typeof(EmbeddedFiles).Assembly;

    /// <summary>The bytes of one resource, by its full manifest name.</summary>
    public static byte[] Read(string resourceName)
    {
        using var stream = Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{resourceName} is not embedded in the tool");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Manifest names starting with <paramref name="prefix"/>, in ordinal order.</summary>
    public static IEnumerable<string> Names(string prefix) =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
