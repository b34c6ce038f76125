using System.IO.Compression;
using CourseBuilder.Build;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.LmsFormats;

/// <summary>The bundled course built once in the three LMS formats, shared by the tests of this folder.</summary>
public sealed class LmsFormatsBuild : IDisposable
{
    private readonly TempDir _dir = new("lms");

    public LmsFormatsBuild()
    {
        Result = CourseBuild.Run(new BuildOptions(TestPaths.BundledContent, _dir.Sub("out"),
            [OutputFormat.CommonCartridge, OutputFormat.CanvasQti, OutputFormat.MoodleXml], UseCache: false));
        Course = CourseBuilder.Loading.LoadStage.Load(TestPaths.BundledContent, new CourseBuilder.Diagnostics.DiagnosticBag())!;
    }

    public BuildResult Result { get; }
    public Course Course { get; }

    public string PathOf(Artifact artifact) => _dir.Sub(Path.Combine("out", artifact.Path));

    public IEnumerable<Artifact> OfKind(string kind) => Result.Artifacts.Where(a => a.Kind == kind);

    /// <summary>Every entry of a zip artifact, by path.</summary>
    public Dictionary<string, byte[]> Entries(Artifact artifact)
    {
        using var zip = ZipFile.OpenRead(PathOf(artifact));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        });
    }

    public void Dispose() => _dir.Dispose();
}
