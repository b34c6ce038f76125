using CourseBuilder.Model;
using CourseBuilder.Pdf;
using UglyToad.PdfPig;
using static CourseBuilder.Tests.Pdf.PdfReading;

namespace CourseBuilder.Tests.Pdf;

/// <summary>Pagination and line breaking, on lessons written to stress them.</summary>
public class LayoutTests
{
    [Fact]
    public void A_long_table_repeats_its_header_row_on_every_page_it_spans()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"| Row {i:000} | value {i} |"));
        var course = SyntheticCourse.With($"Intro paragraph.\n\n| Column alpha | Column beta |\n|---|---|\n{rows}\n\nAfter the table.\n");
        using var pdf = PdfDocument.Open(PdfStage.StudentGuide(course, course.Modules[0]));
        var pagesWithRows = pdf.GetPages().Select(PageText).Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"Row \d{3}")).ToList();
        Assert.True(pagesWithRows.Count >= 3, $"the table spans {pagesWithRows.Count} pages");
        foreach (var text in pagesWithRows)
        {
            Assert.Contains("Column alpha", text);
            Assert.True(text.IndexOf("Column alpha", StringComparison.Ordinal) < text.IndexOf("Row ", StringComparison.Ordinal));
        }
        // Every row printed once, in order.
        var all = string.Join(" ", pagesWithRows);
        var last = -1;
        for (var i = 1; i <= 120; i++)
        {
            var at = all.IndexOf($"Row {i:000}", StringComparison.Ordinal);
            Assert.True(at > last, $"Row {i} missing or out of order");
            last = at;
        }
    }

    [Fact]
    public void Right_aligned_columns_line_up_on_their_right_edge()
    {
        var course = SyntheticCourse.With("| Item | Share |\n|---|---:|\n| Alpha | 5% |\n| Beta | 52.5% |\n| Gamma | 100% |\n");
        using var pdf = PdfDocument.Open(PdfStage.StudentGuide(course, course.Modules[0]));
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Where(w => w.Text.EndsWith('%')).ToList();
        Assert.Equal(3, words.Count);
        Assert.All(words, w => Assert.InRange(w.BoundingBox.Right - words[0].BoundingBox.Right, -0.1, 0.1));
        Assert.True(words[1].BoundingBox.Left < words[0].BoundingBox.Left - 5, "the wider value starts further left");
    }

    [Fact]
    public void Long_words_and_urls_wrap_inside_the_text_width()
    {
        var url = "https://example.org/" + string.Join("/", Enumerable.Range(0, 30).Select(i => $"segment{i}"));
        var word = new string('x', 300);
        var course = SyntheticCourse.With($"See [{url}]({url}) and {word} for details, and `{new string('y', 200)}`.\n");
        using var pdf = PdfDocument.Open(PdfStage.StudentGuide(course, course.Modules[0]));
        foreach (var page in pdf.GetPages())
            foreach (var letter in page.Letters)
                Assert.InRange(letter.BoundingBox.Right, 0, page.Width - 50);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(url, text);
        Assert.Contains(pdf.GetPages().SelectMany(p => p.GetHyperlinks()), h => h.Uri == url);
    }

    [Fact]
    public void A_heading_never_ends_a_page_and_no_paragraph_leaves_one_line_alone()
    {
        // Paragraphs of 1 to 7 lines put headings and paragraph breaks at every height. Each word
        // names its paragraph (p07w012), so every printed line can be traced to its paragraph.
        var sections = Enumerable.Range(1, 60).Select(i =>
            $"## Heading {i:00}\n\n" + string.Join(" ", Enumerable.Range(1, 8 + i * 13 % 70).Select(w => $"p{i:00}w{w:000}")));
        var course = SyntheticCourse.With(string.Join("\n\n", sections));
        using var pdf = PdfDocument.Open(PdfStage.StudentGuide(course, course.Modules[0]));
        var pages = pdf.GetPages().Skip(2).Select(BodyLines).ToList();
        Assert.True(pages.Count >= 5);
        var splits = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.NotEmpty(pages[i]);
            Assert.False(pages[i][^1].StartsWith("Heading", StringComparison.Ordinal), $"page {i + 3} ends with '{pages[i][^1]}'");
            if (i == pages.Count - 1) continue;
            var paragraph = ParagraphOf(pages[i][^1]);
            if (paragraph is null || paragraph != ParagraphOf(pages[i + 1][0])) continue;
            splits++;
            Assert.True(pages[i].Count(l => ParagraphOf(l) == paragraph) >= 2, $"{paragraph}: one line alone at the bottom of page {i + 3}");
            Assert.True(pages[i + 1].Count(l => ParagraphOf(l) == paragraph) >= 2, $"{paragraph}: one line alone at the top of page {i + 4}");
        }
        Assert.True(splits > 0, "no paragraph broke across pages, so widows and orphans went untested");
    }

    private static string? ParagraphOf(string line) => line.StartsWith('p') && line.Length >= 3 ? line[..3] : null;

    [Fact]
    public void Letter_courses_get_letter_pages()
    {
        var course = SyntheticCourse.With(PageSize.Letter, "Hello.");
        using var pdf = PdfDocument.Open(PdfStage.FacilitatorGuide(course, null));
        Assert.All(pdf.GetPages(), p => { Assert.Equal(612, p.Width, 1); Assert.Equal(792, p.Height, 1); });
    }

    [Fact]
    public void Dates_come_from_source_date_epoch_when_set_and_else_from_the_release_date()
    {
        var course = SyntheticCourse.With("Hello.");
        Assert.Equal(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), PdfStage.Timestamp(course, null));
        Assert.Equal(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), PdfStage.Timestamp(course, "not a number"));
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), PdfStage.Timestamp(course, "1700000000"));
        using var pdf = PdfDocument.Open(PdfStage.StudentGuide(course, null));
        Assert.StartsWith("D:20260102000000", pdf.Information.CreationDate);
    }

    [Fact]
    public void Guides_rendered_in_parallel_are_the_same_as_one_at_a_time()
    {
        var bundle = GuideCourse.Instance;
        var results = new byte[4][];
        Parallel.For(0, 4, i => results[i] = i % 2 == 0
            ? PdfStage.StudentGuide(bundle.Course, bundle.Module)
            : PdfStage.FacilitatorGuide(bundle.Course, bundle.Module));
        Assert.Equal(bundle.StudentGuide, results[0]);
        Assert.Equal(bundle.StudentGuide, results[2]);
        Assert.Equal(bundle.FacilitatorGuide, results[1]);
        Assert.Equal(bundle.FacilitatorGuide, results[3]);
    }

    /// <summary>The page's text lines between the running head and the footer, top to bottom.</summary>
    private static List<string> BodyLines(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords()
            .Where(w => w.BoundingBox.Bottom > 60 && w.BoundingBox.Top < page.Height - 50)
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))
            .ToList();
}
