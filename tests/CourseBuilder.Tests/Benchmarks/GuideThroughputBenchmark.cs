using System.Diagnostics;
using CourseBuilder.Model;
using CourseBuilder.Pdf;
using CourseBuilder.Tests.Pdf;
using Xunit.Abstractions;

namespace CourseBuilder.Tests.Benchmarks;

/// <summary>
/// Renders every guide of the bundled course (each module and the whole course, student and
/// facilitator) and reports pages per second. Run it alone for a number worth quoting:
/// dotnet test tests/CourseBuilder.Tests --filter FullyQualifiedName~GuideThroughput --logger "console;verbosity=detailed"
/// </summary>
public class GuideThroughputBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void Renders_every_guide_of_the_bundled_course_and_reports_pages_per_second()
    {
        var course = BundledCourse.Instance.Course; // loaded, and one guide rendered, so the JIT is warm
        var scopes = course.Modules.Select(m => (Module?)m).Append(null).ToList();
        var stopwatch = Stopwatch.StartNew();
        var guides = new List<(string Name, byte[] Pdf)>();
        foreach (var scope in scopes)
        {
            guides.Add(($"{scope?.Id ?? "course"} student", GuideBuilder.StudentGuide(course, scope)));
            guides.Add(($"{scope?.Id ?? "course"} facilitator", GuideBuilder.FacilitatorGuide(course, scope)));
        }
        stopwatch.Stop();

        var pages = 0;
        foreach (var (name, pdf) in guides)
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            pages += document.NumberOfPages;
            // Nothing runs off the page: every glyph sits inside the side margins.
            foreach (var page in document.GetPages())
                Assert.All(page.Letters, l => Assert.InRange(l.GlyphRectangle.Right, 40, page.Width - 40));
            output.WriteLine($"{name}: {document.NumberOfPages} pages, {pdf.Length / 1024} KiB");
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        output.WriteLine($"{guides.Count} guides, {pages} pages in {seconds:F2} s: {pages / seconds:F1} pages/s (single thread)");
        Assert.True(pages >= guides.Count * 3);
    }
}
