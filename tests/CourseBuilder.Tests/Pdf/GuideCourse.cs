using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;
using CourseBuilder.Model;
using CourseBuilder.Pdf;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Pdf;

/// <summary>
/// The guide fixture (Fixtures/guide-course: every kind of block, written for these tests) loaded
/// once, and its first module's guides rendered once, for the PDF tests to read. The tests look
/// for its sentences, so the bundled course's prose can change without them.
/// </summary>
public sealed class GuideCourse
{
    private static readonly Lazy<GuideCourse> Shared = new(() => new GuideCourse());

    public static GuideCourse Instance => Shared.Value;

    private GuideCourse()
    {
        var diagnostics = new DiagnosticBag();
        Course = LoadStage.Load(TestPaths.GuideCourse, diagnostics)
            ?? throw new InvalidOperationException("guide fixture did not load: " + string.Join("\n", diagnostics.Sorted()));
        Module = Course.Modules[0];
        StudentGuide = PdfStage.StudentGuide(Course, Module);
        FacilitatorGuide = PdfStage.FacilitatorGuide(Course, Module);
        var dump = Environment.GetEnvironmentVariable("CB_PDF_DUMP");
        if (!string.IsNullOrEmpty(dump))
        {
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, "student.pdf"), StudentGuide);
            File.WriteAllBytes(Path.Combine(dump, "facilitator.pdf"), FacilitatorGuide);
            File.WriteAllBytes(Path.Combine(dump, "course-student.pdf"), PdfStage.StudentGuide(Course, null));
            File.WriteAllBytes(Path.Combine(dump, "course-facilitator.pdf"), PdfStage.FacilitatorGuide(Course, null));
        }
    }

    public Course Course { get; }
    public Module Module { get; }
    public byte[] StudentGuide { get; }
    public byte[] FacilitatorGuide { get; }
}
