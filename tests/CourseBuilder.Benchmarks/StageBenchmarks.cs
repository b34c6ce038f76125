using BenchmarkDotNet.Attributes;
using CourseBuilder.Diagnostics;
using CourseBuilder.Html;
using CourseBuilder.Loading;
using CourseBuilder.Markdown;
using CourseBuilder.Model;

namespace CourseBuilder.Benchmarks;

/// <summary>Micro-benchmarks of the hot stages on one synthetic module.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private string _folder = "";
    private string _lessonText = "";
    private Course _course = null!;
    private HtmlStage _html = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cb-micro-" + Guid.NewGuid().ToString("N"));
        SyntheticCurriculum.Write(_folder, 2);
        _lessonText = File.ReadAllText(Directory.GetFiles(Path.Combine(_folder, "modules"), "01-lesson-1.md", SearchOption.AllDirectories)[0]);
        _course = CourseLoader.Load(_folder, new DiagnosticBag())!;
        _html = new HtmlStage(_course, new TemplateEngine(_folder));
        _html.Render(_course.Modules[0]);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, true);

    [Benchmark(Description = "Markdown parse (one lesson)")]
    public object ParseLesson() => CourseMarkdown.Parse(_lessonText);

    [Benchmark(Description = "Load and check (two modules)")]
    public object LoadCourse() => CourseLoader.Load(_folder, new DiagnosticBag())!;

    [Benchmark(Description = "HTML render (one module)")]
    public object RenderModule() => _html.Render(_course.Modules[0]);
}
