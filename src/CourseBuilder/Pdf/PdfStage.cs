using CourseBuilder.Model;

namespace CourseBuilder.Pdf;

/// <summary>
/// The printable guides: for one module (or, with a null module, the whole course) a student guide
/// and a facilitator guide, each a tagged, bookmarked PDF. Same input, same bytes.
/// </summary>
public static class PdfStage
{
    public static byte[] StudentGuide(Course course, Module? module) => new Guides.StudentGuide(course, module).Build();

    public static byte[] FacilitatorGuide(Course course, Module? module) => new Guides.FacilitatorGuide(course, module).Build();

    /// <summary>The date printed and stored in the PDF: SOURCE_DATE_EPOCH when set (reproducible builds), else the course's release date.</summary>
    public static DateTime Timestamp(Course course) => BuildDate.For(course.ReleaseDate).UtcDateTime;

    public static DateTime Timestamp(Course course, string? sourceDateEpoch) => BuildDate.For(course.ReleaseDate, sourceDateEpoch).UtcDateTime;
}
