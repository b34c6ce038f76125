using UglyToad.PdfPig;

namespace CourseBuilder.Tests.Pdf;

public class GuideSmokeTests
{
    [Fact]
    public void Student_guide_opens_and_has_pages()
    {
        using var pdf = PdfDocument.Open(BundledCourse.Instance.StudentGuide);
        Assert.True(pdf.NumberOfPages > 3);
    }
}
