using BenchmarkDotNet.Attributes;
using CourseBuilder.Diagnostics;
using CourseBuilder.Html;
using CourseBuilder.Loading;
using CourseBuilder.Markdown;
using CourseBuilder.Model;
using CourseBuilder.Pdf;
using CourseBuilder.Scorm;

namespace CourseBuilder.Benchmarks;

/// <summary>Micro-benchmarks of the hot stages on one synthetic module.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private string _folder = "";
    private string _lessonText = "";
    private Course _course = null!;
    private HtmlStage _html = null!;
    private IReadOnlyList<PackageFile> _player = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cb-micro-" + Guid.NewGuid().ToString("N"));
        SyntheticCurriculum.Write(_folder, 2);
        _lessonText = File.ReadAllText(Directory.GetFiles(Path.Combine(_folder, "modules"), "01-lesson-1.md", SearchOption.AllDirectories)[0]);
        _course = LoadStage.Load(_folder, new DiagnosticBag())!;
        _html = new HtmlStage(_course, new TemplateEngine(_folder));
        _player = _html.Render(_course.Modules[0]);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, true);

    [Benchmark(Description = "Markdown parse (one lesson)")]
    public object ParseLesson() => CourseMarkdown.Parse(_lessonText);

    [Benchmark(Description = "Load and check (two modules)")]
    public object LoadCourse() => LoadStage.Load(_folder, new DiagnosticBag())!;

    [Benchmark(Description = "HTML render (one module, its pages already rendered)")]
    public object RenderModule() => _html.Render(_course.Modules[0]);

    [Benchmark(Description = "HTML render (one module, from its syntax trees)")]
    public object RenderModuleFresh() => new HtmlStage(_course, new TemplateEngine(_folder)).Render(_course.Modules[0]);

    /// <summary>
    /// As in a build: the module's page is new (a fresh array, so it is compressed), while the
    /// runtime and schema files are shared with every other package and compressed once.
    /// </summary>
    [Benchmark(Description = "SCORM 2004 manifest and zip (one module)")]
    public object ScormPackage() =>
        ScormStage.Package(_course, _course.Modules[0], _player.Select(f => f.Path == HtmlStage.PageFile ? f with { Content = f.Content.ToArray() } : f).ToList(), ScormVersion.Scorm2004);

    [Benchmark(Description = "PDF layout and write (one module's student guide)")]
    public object StudentGuide() => PdfStage.StudentGuide(_course, _course.Modules[0]);
}
