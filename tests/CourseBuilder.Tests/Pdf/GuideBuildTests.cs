using System.Text.Json;
using CourseBuilder.Build;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;
using UglyToad.PdfPig;

namespace CourseBuilder.Tests.Pdf;

public class GuideBuildTests
{
    [Fact]
    public void A_pdf_build_writes_both_guides_per_module_and_for_the_course_and_reports_them()
    {
        using var temp = new TempDir("pdf-build");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var output = temp.Sub("output");
        var result = CourseBuild.Run(new BuildOptions(content, output, [OutputFormat.Pdf], UseCache: false));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);

        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BuildReport.FileName)));
        var artifacts = report.RootElement.GetProperty("artifacts").EnumerateArray().ToList();
        var modules = new[] { "basics", "more", null };
        foreach (var kind in new[] { ArtifactKind.PdfStudent, ArtifactKind.PdfFacilitator })
            foreach (var module in modules)
            {
                var artifact = Assert.Single(artifacts, a => a.GetProperty("kind").GetString() == kind
                    && (module is null ? a.GetProperty("moduleId").ValueKind == JsonValueKind.Null : a.GetProperty("moduleId").GetString() == module));
                var path = Path.Combine(output, artifact.GetProperty("path").GetString()!);
                using var pdf = PdfDocument.Open(File.ReadAllBytes(path));
                Assert.True(pdf.NumberOfPages >= 3);
            }
        // The fixture's PNG figure is placed as an image.
        using var guide = PdfDocument.Open(File.ReadAllBytes(Directory.GetFiles(Path.Combine(output, "pdf"), "*-basics-student-guide.pdf").Single()));
        Assert.Contains(guide.GetPages(), p => p.GetImages().Any());
    }
}

public class CrossLessonLinkTests
{
    [Fact]
    public void A_link_to_another_lesson_becomes_a_link_to_its_page_in_the_guide()
    {
        using var temp = new TempDir("pdf-links");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        File.AppendAllText(Path.Combine(content, "modules", "01-basics", "01-first.md"), "\nRead [the next lesson](02-second.md) after this one.\n");
        var diagnostics = new CourseBuilder.Diagnostics.DiagnosticBag();
        var course = CourseBuilder.Loading.LoadStage.Load(content, diagnostics)!;
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        var module = course.Modules[0];
        using var pdf = PdfDocument.Open(CourseBuilder.Pdf.PdfStage.StudentGuide(course, module));
        var page = pdf.GetPages().First(p => PdfReading.PageText(p).Contains("the next lesson"));
        var link = Assert.Single(page.GetAnnotations(), a => a.Content == "the next lesson" || a.Content == "the next");
        var dest = Assert.IsType<UglyToad.PdfPig.Tokens.ArrayToken>(PdfReading.Get(pdf, link.AnnotationDictionary, "Dest"));
        var target = Assert.IsType<UglyToad.PdfPig.Tokens.DictionaryToken>(PdfReading.Resolve(pdf, dest.Data[0]));
        var targetPage = pdf.GetPages().Single(p => PdfReading.Get(pdf, p.Dictionary, "StructParents")!.Equals(PdfReading.Get(pdf, target, "StructParents")));
        Assert.Contains(module.Lessons[1].Title, PdfReading.PageText(targetPage));
    }
}
