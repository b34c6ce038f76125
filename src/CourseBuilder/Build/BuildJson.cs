using System.Text.Json;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Build;

/// <summary>
/// .coursebuilder-cache.json and build-report.json, read and written by hand. A build with nothing
/// changed reads the cache and stops, so what reads it must cost next to nothing at start-up:
/// the reflection serializer emits and JIT-compiles code for every type it meets, and even the
/// source-generated one JIT-compiles a few hundred generic methods of System.Text.Json to set
/// itself up (measured on the bundled course: 60-70 ms and 35-40 ms of a 0.2 s build; this
/// reader, 10 ms with loading System.Text.Json). The files keep the shape the
/// serializer gave them: camelCase names, indented, nulls written, enums as numbers.
///
/// Reading follows the serializer's rules: names are case-sensitive, unknown names are skipped,
/// a missing or null field reads as null (the caller then calls the file damaged), and a value
/// of the wrong kind throws <see cref="JsonException"/> (the file cannot be read).
/// </summary>
internal static class BuildJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Indented)) write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteArtifacts(Utf8JsonWriter writer, IEnumerable<Artifact> artifacts)
    {
        writer.WriteStartArray("artifacts");
        foreach (var a in artifacts)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", a.Kind);
            writer.WriteString("moduleId", a.ModuleId);
            writer.WriteString("path", a.Path);
            writer.WriteNumber("size", a.Size);
            writer.WriteString("sha256", a.Sha256);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic d)
    {
        writer.WriteStartObject();
        writer.WriteNumber("severity", (int)d.Severity);
        writer.WriteString("code", d.Code);
        writer.WriteString("message", d.Message);
        writer.WriteStartObject("location");
        writer.WriteString("path", d.Location.Path);
        writer.WriteNumber("line", d.Location.Line);
        writer.WriteNumber("column", d.Location.Column);
        writer.WriteEndObject();
        writer.WriteBoolean("isError", d.IsError);
        writer.WriteEndObject();
    }

    /// <summary>The value of a property, or null when it is missing or null (the last one wins, as with the serializer).</summary>
    public static JsonElement? Get(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw Wrong(name);
        JsonElement? found = null;
        foreach (var property in obj.EnumerateObject())
            if (property.NameEquals(name)) found = property.Value;
        return found is { ValueKind: JsonValueKind.Null } ? null : found;
    }

    public static string? String(JsonElement obj, string name) => Get(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw Wrong(name),
    };

    public static long Number(JsonElement obj, string name) => Get(obj, name) switch
    {
        null => 0,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var n) => n,
        _ => throw Wrong(name),
    };

    public static int Int(JsonElement obj, string name) => Get(obj, name) switch
    {
        null => 0,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var n) => n,
        _ => throw Wrong(name),
    };

    /// <summary>The elements of an array property (null elements as null), or null when it is missing or null.</summary>
    public static List<JsonElement?>? Array(JsonElement obj, string name)
    {
        if (Get(obj, name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Array) throw Wrong(name);
        return value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (JsonElement?)null : e).ToList();
    }

    /// <summary>An artifacts array; an element that is null, or not an object, makes it unreadable or damaged as the serializer would.</summary>
    public static List<Artifact?>? Artifacts(JsonElement obj, string name = "artifacts") =>
        Array(obj, name)?.Select(e => e is { } a
            ? new Artifact(String(a, "kind")!, String(a, "moduleId"), String(a, "path")!, Number(a, "size"), String(a, "sha256")!)
            : null).ToList();

    public static Diagnostic? ReadDiagnostic(JsonElement? element)
    {
        if (element is not { } d) return null;
        var severity = Int(d, "severity");
        var location = Get(d, "location") is { } l ? new SourceLocation(String(l, "path")!, Int(l, "line"), Int(l, "column")) : default;
        return new Diagnostic((Severity)severity, String(d, "code")!, String(d, "message")!, location);
    }

    private static JsonException Wrong(string name) => new($"'{name}' has a value of the wrong kind");
}
