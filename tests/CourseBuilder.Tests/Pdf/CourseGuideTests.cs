using CourseBuilder.Pdf;
using UglyToad.PdfPig;
using static CourseBuilder.Tests.Pdf.PdfReading;

namespace CourseBuilder.Tests.Pdf;

/// <summary>The whole-course guides hold every module's content: nothing may run off their pages.</summary>
public class CourseGuideTests
{
    /// <summary>On the guide fixture, and on the bundled course, whose real prose is the harder test of line breaking.</summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Whole_course_guides_keep_every_glyph_inside_the_margins_and_name_each_module_in_the_running_head(bool student, bool bundled)
    {
        var course = bundled
            ? CourseBuilder.Loading.LoadStage.Load(Support.TestPaths.BundledContent, new CourseBuilder.Diagnostics.DiagnosticBag())!
            : GuideCourse.Instance.Course;
        var bytes = student ? PdfStage.StudentGuide(course, null) : PdfStage.FacilitatorGuide(course, null);
        using var pdf = PdfDocument.Open(bytes);
        foreach (var page in pdf.GetPages())
        {
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Left, 50, page.Width - 50));
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 50, page.Width - 50));
        }
        var text = pdf.GetPages().Select(PageText).ToList();
        foreach (var module in course.Modules)
        {
            var first = text.FindIndex(t => t.Contains($"MODULE {module.Number} ·"));
            Assert.True(first > 0, $"module {module.Number} missing");
            // The running head names the module (possibly shortened with an ellipsis).
            Assert.Contains($"Module {module.Number}: {module.Title[..Math.Min(20, module.Title.Length)]}", text[first]);
        }
    }
}
