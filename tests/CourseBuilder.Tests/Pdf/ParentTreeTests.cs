using CourseBuilder.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static CourseBuilder.Tests.Pdf.PdfReading;

namespace CourseBuilder.Tests.Pdf;

/// <summary>
/// The structure ParentTree that maps each page's marked content (and each link) back to its
/// structure elements: what screen readers follow. Finished pages' entries are set aside while
/// later pages are drawn; here the restored tree must still hold every page, in key order.
/// </summary>
public class ParentTreeTests
{
    [Fact]
    public void Every_page_of_a_long_guide_has_its_entry_in_the_parent_tree_in_key_order()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 120).Select(i =>
            $"Paragraph {i} says enough to fill a few lines of the page, with a [link](https://example.org/{i}) in it so links are tagged too."));
        var course = SyntheticCourse.With(paragraphs);
        using var pdf = PdfDocument.Open(PdfStage.StudentGuide(course, course.Modules[0]));
        Assert.True(pdf.NumberOfPages >= 5, $"only {pdf.NumberOfPages} pages");

        var root = (DictionaryToken)Get(pdf, pdf.Structure.Catalog.CatalogDictionary, "StructTreeRoot")!;
        var parentTree = (DictionaryToken)Get(pdf, root, "ParentTree")!;
        var nums = ((ArrayToken)Get(pdf, parentTree, "Nums")!).Data;
        var keys = nums.Where((_, i) => i % 2 == 0).Select(t => (int)((NumericToken)t).Double).ToList();
        Assert.Equal(Enumerable.Range(0, keys.Count), keys);
        Assert.Equal(keys.Count, ((NumericToken)Get(pdf, root, "ParentTreeNextKey")!).Int);

        foreach (var page in pdf.GetPages().Skip(1))
        {
            var key = Get(pdf, page.Dictionary, "StructParents") as NumericToken;
            Assert.NotNull(key);
            var entry = Resolve(pdf, nums[2 * keys.IndexOf(key.Int) + 1]);
            Assert.True(entry is ArrayToken { Data.Count: > 0 }, $"page {page.Number} has no marked content in the parent tree");
        }
    }
}
