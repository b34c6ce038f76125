using System.Text;
using CourseBuilder.Diagnostics;

namespace CourseBuilder.Build;

/// <summary>
/// What a full build leaves in its output for the next one to answer "nothing changed" before
/// loading anything: the <see cref="ContentFingerprint"/> it was built from, the
/// <see cref="Build.OutputDigest"/> of what it wrote, its artifacts and what it reported. Lines
/// of tab-separated fields, not JSON: a build with nothing changed is measured against the
/// tool's start-up, and starting System.Text.Json alone costs it about 10 ms, more than all the
/// checking. A partial build writes none, so the next full build takes the ordinary path.
/// </summary>
internal sealed record UpToDateRecord(string Fingerprint, string OutputDigest, IReadOnlyList<Artifact> Artifacts, IReadOnlyList<Diagnostic> Diagnostics)
{
    public const string FileName = ".coursebuilder-up-to-date";
    private const string Header = "coursebuilder-up-to-date\t1";
    private const long MaxBytes = 16L << 20;

    /// <summary>The record in <paramref name="outputDirectory"/>; null when there is none or it cannot be read or trusted.</summary>
    public static UpToDateRecord? Read(string outputDirectory)
    {
        string[] lines;
        try
        {
            var path = Path.Combine(outputDirectory, FileName);
            // Only a regular file of a plausible size: a pipe put in its place must not make the
            // build wait, nor a huge file make it read.
            if (Loading.InputFiles.KindOf(path) != Loading.InputFiles.Kind.File || new FileInfo(path).Length > MaxBytes) return null;
            lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (lines is not [Header, var fingerprintLine, var digestLine, ..]
            || Field(fingerprintLine, "fingerprint") is not { } fingerprint || Field(digestLine, "output") is not { } digest)
            return null;
        var artifacts = new List<Artifact>();
        var diagnostics = new List<Diagnostic>();
        foreach (var line in lines.Skip(3).Where(l => l.Length > 0))
        {
            var fields = line.Split('\t').Select(Unescape).ToArray();
            switch (fields)
            {
                case ["artifact", var kind, var module, var path, var size, var sha256] when long.TryParse(size, out var bytes):
                    var artifact = new Artifact(kind, module.Length == 0 ? null : module, path, bytes, sha256);
                    // A damaged or edited record must not make a build read anything outside its output.
                    if (!Artifact.IsWellFormed(artifact)) return null;
                    artifacts.Add(artifact);
                    break;
                case ["diagnostic", var severity, var code, var file, var at, var column, var message]
                    when int.TryParse(severity, out var s) && Enum.IsDefined((Severity)s) && int.TryParse(at, out var l) && int.TryParse(column, out var c):
                    diagnostics.Add(new Diagnostic((Severity)s, code, message, new SourceLocation(file, l, c)));
                    break;
                default:
                    return null;
            }
        }
        return new UpToDateRecord(fingerprint, digest, artifacts, diagnostics);
    }

    /// <summary>
    /// Writes the record into an output folder a build left as it was (under the build's lock):
    /// to a temporary file first, then renamed over the old record, so that no reader ever sees
    /// half of one. A record that cannot be written only costs the next build its shortcut.
    /// </summary>
    public static void Replace(string outputDirectory, UpToDateRecord record)
    {
        var path = Path.Combine(outputDirectory, FileName);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, record.Serialize());
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
        }
    }

    public byte[] Serialize()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("fingerprint\t").Append(Fingerprint).Append('\n');
        text.Append("output\t").Append(OutputDigest).Append('\n');
        foreach (var a in Artifacts)
            Line(text, "artifact", a.Kind, a.ModuleId ?? "", a.Path, a.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Sha256);
        foreach (var d in Diagnostics)
            Line(text, "diagnostic", ((int)d.Severity).ToString(System.Globalization.CultureInfo.InvariantCulture), d.Code, d.Location.Path,
                d.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Location.Column.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Message);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string? Field(string line, string name) =>
        line.Split('\t') is [var key, var value] && key == name && value.Length > 0 ? value : null;

    private static void Line(StringBuilder text, params string[] fields) =>
        text.Append(string.Join('\t', fields.Select(Escape))).Append('\n');

    /// <summary>Messages and paths may hold tabs, line breaks and backslashes: written as \t, \n, \r and \\.</summary>
    private static string Escape(string value) =>
        value.IndexOfAny(['\\', '\t', '\n', '\r']) < 0 ? value
            : value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    private static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length) { text.Append(value[i]); continue; }
            text.Append(value[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
        }
        return text.ToString();
    }
}
