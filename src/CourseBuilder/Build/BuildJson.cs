using System.Text.Json;

namespace CourseBuilder.Build;

/// <summary>
/// .coursebuilder-cache.json and build-report.json, read and written by hand: the reflection
/// serializer emits and JIT-compiles code for every type it meets, and even the source-generated
/// one JIT-compiles a few hundred generic methods of System.Text.Json to set itself up
/// (measured on the bundled course: 60-70 ms and 35-40 ms of a 0.2 s build; this reader, 10 ms
/// with loading System.Text.Json, which a build with nothing changed now avoids altogether, see
/// <see cref="UpToDateRecord"/>). The files keep the shape the serializer gave them: camelCase
/// names, indented, nulls written, enums as numbers.
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

    // Plain loops over reference types below, no LINQ or lists over JsonElement: generic code over
    // System.Text.Json's structs is in no precompiled (ReadyToRun) image, so it would be JIT-compiled.

    /// <summary>The value of a property, false when it is missing or null (the last one wins, as with the serializer).</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw Wrong(name);
        value = default;
        var found = false;
        foreach (var property in obj.EnumerateObject())
            if (property.NameEquals(name))
            {
                value = property.Value;
                found = value.ValueKind != JsonValueKind.Null;
            }
        return found;
    }

    public static string? String(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value)) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(name);
    }

    public static long Number(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value)) return 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : throw Wrong(name);
    }

    public static int Int(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value)) return 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : throw Wrong(name);
    }

    /// <summary>An array property, false when it is missing or null.</summary>
    public static bool TryGetArray(JsonElement obj, string name, out JsonElement array)
    {
        if (!TryGet(obj, name, out array)) return false;
        return array.ValueKind == JsonValueKind.Array ? true : throw Wrong(name);
    }

    /// <summary>
    /// An artifacts array, or null when it is missing or null. A null element reads as null (the
    /// caller then calls the file damaged); an element that is not an object throws.
    /// </summary>
    public static List<Artifact?>? Artifacts(JsonElement obj, string name = "artifacts")
    {
        if (!TryGetArray(obj, name, out var array)) return null;
        var artifacts = new List<Artifact?>(array.GetArrayLength());
        foreach (var a in array.EnumerateArray())
            artifacts.Add(a.ValueKind == JsonValueKind.Null ? null
                : new Artifact(String(a, "kind")!, String(a, "moduleId"), String(a, "path")!, Number(a, "size"), String(a, "sha256")!));
        return artifacts;
    }

    private static JsonException Wrong(string name) => new($"'{name}' has a value of the wrong kind");
}
