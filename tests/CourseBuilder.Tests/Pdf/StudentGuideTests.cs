using CourseBuilder.Markdown;
using Markdig.Syntax;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Tokens;
using static CourseBuilder.Tests.Pdf.PdfReading;

namespace CourseBuilder.Tests.Pdf;

/// <summary>The first module's student guide, read back with PdfPig.</summary>
public class StudentGuideTests
{
    private static GuideCourse Bundle => GuideCourse.Instance;

    private static PdfDocument Open() => PdfDocument.Open(Bundle.StudentGuide);

    [Fact]
    public void Lesson_text_is_present_in_reading_order()
    {
        using var pdf = Open();
        var text = AllText(pdf);
        var expected = new List<string> { Bundle.Course.Title, "Contents", Bundle.Module.Title, "Objectives" };
        foreach (var lesson in Bundle.Module.Lessons)
        {
            expected.Add(lesson.Title);
            expected.AddRange(lesson.Document.Descendants<HeadingBlock>().Select(h => PlainText.Of(h)));
        }
        expected.Add("Answers to knowledge checks");
        var position = 0;
        foreach (var phrase in expected)
        {
            var found = text.IndexOf(phrase, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{phrase}' missing, or out of order after position {position}");
            position = found + phrase.Length;
        }
        // A paragraph's words come out in order, across its line breaks.
        Assert.Contains("The first paragraph of the first lesson is long enough to wrap across more than one line of the printed guide, so its words must come out in order even where the line breaks fall.", text);
    }

    [Fact]
    public void Every_heading_is_in_the_outline()
    {
        using var pdf = Open();
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(n => n.Title).ToHashSet();
        var headings = new List<string> { "Contents", Bundle.Module.Title, "Objectives", "Answers to knowledge checks" };
        foreach (var lesson in Bundle.Module.Lessons)
        {
            headings.Add(lesson.Title);
            headings.AddRange(lesson.Document.Descendants<HeadingBlock>().Select(h => PlainText.Of(h)));
        }
        Assert.All(headings, h => Assert.Contains(h, titles));
        // Lessons nest under their module.
        var module = Assert.Single(bookmarks.Roots, r => r.Title == Bundle.Module.Title);
        Assert.Contains(module.Children, c => c.Title == Bundle.Module.Lessons[0].Title);
    }

    [Fact]
    public void Every_page_has_the_footer_and_the_running_head_after_the_cover()
    {
        using var pdf = Open();
        var count = pdf.NumberOfPages;
        foreach (var page in pdf.GetPages())
        {
            var text = PageText(page);
            Assert.Contains($"Page {page.Number} of {count}", text);
            if (page.Number > 1) Assert.Contains(Bundle.Course.Title, text);
        }
    }

    [Fact]
    public void Web_links_and_contents_links_are_annotations()
    {
        using var pdf = Open();
        var uris = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).Select(h => h.Uri).ToList();
        Assert.Contains("https://doi.org/10.5555/guide.2026.1", uris);
        // The contents page links every entry to its page.
        var contents = pdf.GetPage(2);
        var internalLinks = contents.GetAnnotations().Where(a => a.Type == AnnotationType.Link && a.AnnotationDictionary.ContainsKey(NameToken.Dest)).ToList();
        Assert.True(internalLinks.Count >= 1 + Bundle.Module.Lessons.Count, $"only {internalLinks.Count} internal links on the contents page");
    }

    [Fact]
    public void Contents_page_numbers_and_links_lead_to_each_lesson()
    {
        using var pdf = Open();
        var contents = pdf.GetPage(2);
        var pagesByKey = pdf.GetPages().ToDictionary(p => StructParents(pdf, p.Dictionary), p => p.Number);
        foreach (var lesson in Bundle.Module.Lessons)
        {
            var line = PageText(contents);
            var title = $"{Bundle.Module.Number}.{lesson.Number} {lesson.Title}";
            var at = line.IndexOf(title, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{title}' not in the contents");
            var printed = int.Parse(line[(at + title.Length)..].Trim().Split(' ')[0]);
            Assert.Contains(lesson.Title, PageText(pdf.GetPage(printed)));
            // The entry's link goes to that same page.
            var link = contents.GetAnnotations().First(a => a.Content?.EndsWith(lesson.Title, StringComparison.Ordinal) == true);
            var dest = Assert.IsType<ArrayToken>(Get(pdf, link.AnnotationDictionary, "Dest"));
            var target = Assert.IsType<DictionaryToken>(Resolve(pdf, dest.Data[0]));
            Assert.Equal(printed, pagesByKey[StructParents(pdf, target)]);
        }
    }

    private static long StructParents(PdfDocument pdf, DictionaryToken page) =>
        Assert.IsType<NumericToken>(Get(pdf, page, "StructParents")).Long;

    [Fact]
    public void Fonts_are_embedded_subsets_of_the_bundled_family()
    {
        using var pdf = Open();
        var fonts = Fonts(pdf);
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            var baseFont = Assert.IsType<NameToken>(Get(pdf, font, "BaseFont")).Data;
            Assert.Matches("^[A-Z]{6}\\+", baseFont);
            var descendant = Get(pdf, font, "DescendantFonts") is ArrayToken array ? Resolve(pdf, array.Data[0]) as DictionaryToken : font;
            var descriptor = Assert.IsType<DictionaryToken>(Get(pdf, descendant!, "FontDescriptor"));
            Assert.True(descriptor.ContainsKey(NameToken.Create("FontFile2")), $"{baseFont} is not embedded");
        }
        Assert.Contains(fonts, f => Get(pdf, f, "BaseFont") is NameToken n && n.Data.Contains("Open Sans,Bold"));
        Assert.Contains(fonts, f => Get(pdf, f, "BaseFont") is NameToken n && n.Data.Contains("Open Sans,Italic"));
    }

    [Fact]
    public void Document_is_tagged_with_headings_paragraphs_lists_tables_and_figures()
    {
        using var pdf = Open();
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var markInfo = Assert.IsType<DictionaryToken>(Get(pdf, catalog, "MarkInfo"));
        Assert.True(Assert.IsType<BooleanToken>(Get(pdf, markInfo, "Marked")).Data);
        var elements = StructureElements(pdf);
        var types = elements.Select(e => e.Type).ToHashSet();
        foreach (var type in new[] { "Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Link", "TOC", "TOCI" })
            Assert.Contains(type, types);
        var figures = elements.Where(e => e.Type == "Figure").ToList();
        Assert.Contains(figures, f => f.Alt == "Three bars of rising height, labelled one to three.");
        Assert.Contains(figures, f => f.Alt == "Guide Engine School crest"); // the cover's logo
    }

    [Fact]
    public void Title_language_and_viewer_preferences_are_set()
    {
        using var pdf = Open();
        Assert.Contains(Bundle.Module.Title, pdf.Information.Title);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.Equal("en-US", Assert.IsType<StringToken>(Get(pdf, catalog, "Lang")).Data);
        var preferences = Assert.IsType<DictionaryToken>(Get(pdf, catalog, "ViewerPreferences"));
        Assert.True(Assert.IsType<BooleanToken>(Get(pdf, preferences, "DisplayDocTitle")).Data);
        Assert.Equal(612, (int)pdf.GetPage(1).Width); // US Letter: the fixture sets page-size: Letter
    }

    [Fact]
    public void Knowledge_checks_print_without_answers_and_the_answers_sit_at_the_back()
    {
        using var pdf = Open();
        var pages = pdf.GetPages().Select(PageText).ToList();
        var answersPage = pages.FindIndex(t => t.Contains("Answers to knowledge checks") && !t.Contains("Contents"));
        Assert.True(answersPage > 0);
        var lessonText = string.Join(" ", pages.Take(answersPage));
        var answerText = string.Join(" ", pages.Skip(answersPage));
        var questions = Bundle.Module.Lessons.SelectMany(l => l.Questions).ToList();
        Assert.Contains($"KNOWLEDGE CHECK {questions.Count}", lessonText);
        // On paper the cross-references give page numbers: every answer here is on the answers page.
        Assert.Contains($"Answer on page {answersPage + 1}", lessonText);
        Assert.Matches(@"\(question on page \d+\)", answerText);
        // Feedback and explanations are for the back, not beside the question.
        Assert.DoesNotContain("The feedback on the first choice stays at the back", lessonText);
        Assert.DoesNotContain("The explanation is printed only in the answers section.", lessonText);
        Assert.Contains("Answer: B. The second choice, which is right", answerText);
        Assert.Contains("The explanation is printed only in the answers section.", answerText);
        // Graded quiz questions are not printed in the student guide.
        Assert.DoesNotContain(Bundle.Module.Quiz!.Pool[0].StemText[..30], lessonText + answerText);
    }

    [Fact]
    public void Discussion_prompts_are_left_out_and_reflections_get_ruled_lines()
    {
        using var pdf = Open();
        var text = AllText(pdf);
        Assert.DoesNotContain("Ask the group which prompt the student guide leaves out", text);
        Assert.Contains("REFLECTION", text);
        var page = pdf.GetPages().First(p => PageText(p).Contains("REFLECTION"));
        // Six ruled lines (lines=6) at least, drawn as horizontal paths.
        var horizontal = page.Paths.Count(p => p.GetBoundingRectangle() is { } r && r.Height < 1 && r.Width > 300);
        Assert.True(horizontal >= 6, $"{horizontal} ruled lines");
    }
}
