using CourseBuilder.Model;
using CourseBuilder.Pdf;
using CourseBuilder.Tests.Support;
using UglyToad.PdfPig;
using static CourseBuilder.Tests.Pdf.PdfReading;

namespace CourseBuilder.Tests.Pdf;

public class FigureTests
{
    // A 2×1 PNG (one red, one blue pixel).
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==");

    private static PdfDocument Render(TempDir dir, string markdown)
    {
        var course = SyntheticCourse.In(dir.Path, PageSize.A4, markdown);
        return PdfDocument.Open(PdfStage.StudentGuide(course, course.Modules[0]));
    }

    [Fact]
    public void A_png_is_placed_at_text_width_as_a_figure_with_alt_text_and_caption()
    {
        using var dir = new TempDir("pdf-figure");
        File.WriteAllBytes(dir.Sub("dots.png"), Png);
        using var pdf = Render(dir, "Before.\n\n![Two coloured dots](dots.png \"Figure 1. Two dots.\")\n\nAfter.\n");
        var page = pdf.GetPages().Single(p => PageText(p).Contains("Two dots."));
        var image = Assert.Single(page.GetImages());
        Assert.InRange(image.BoundingBox.Width, page.Width - 2 * 62 - 1, page.Width - 2 * 62 + 1);
        Assert.Contains(StructureElements(pdf), e => e.Type == "Figure" && e.Alt == "Two coloured dots");
        Assert.Contains(StructureElements(pdf), e => e.Type == "Caption");
    }

    [Fact]
    public void A_simple_svg_is_drawn_as_vectors_and_its_text_is_real_text()
    {
        using var dir = new TempDir("pdf-figure");
        File.WriteAllText(dir.Sub("chart.svg"), """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
              <title>ignored</title>
              <rect x="10" y="10" width="80" height="40" rx="4" fill="#e8f0f7" stroke="#1d5d90"/>
              <g font-size="12" text-anchor="middle"><text x="50" y="35">Left box</text></g>
              <path d="M100 30 H150 M150 20 V40" stroke="#333"/>
            </svg>
            """);
        using var pdf = Render(dir, "![A box and a line](chart.svg)\n");
        var page = pdf.GetPages().Single(p => PageText(p).Contains("Left box"));
        Assert.True(page.Paths.Count >= 3, $"{page.Paths.Count} paths drawn");
        Assert.DoesNotContain("cannot be printed", PageText(page));
        Assert.Contains(StructureElements(pdf), e => e.Type == "Figure" && e.Alt == "A box and a line");
    }

    [Fact]
    public void An_svg_beyond_the_supported_subset_prints_as_a_described_box()
    {
        using var dir = new TempDir("pdf-figure");
        File.WriteAllText(dir.Sub("fancy.svg"), """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
              <g transform="rotate(45)"><rect width="50" height="50" fill="red"/></g>
              <text x="10" y="90">Hidden words</text>
            </svg>
            """);
        using var pdf = Render(dir, "![A rotated red square](fancy.svg \"Figure 2. Rotation.\")\n");
        var text = AllText(pdf);
        Assert.Contains("A rotated red square", text);
        Assert.Contains("cannot be printed", text);
        Assert.Contains("Figure 2. Rotation.", text);
        Assert.DoesNotContain("Hidden words", text);
    }
}
