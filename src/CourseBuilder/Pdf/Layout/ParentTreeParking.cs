using PdfSharp.Pdf;
using PdfSharp.Pdf.Structure;
using PdfSharp.UniversalAccessibility;

namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// PDFsharp 6.2's StructureBuilder finds the current page in the structure ParentTree by scanning
/// the tree's whole /Nums array on every tagged text draw, so tagging costs grow with the square
/// of a guide's pages (a whole-course guide of a large curriculum ran for minutes). Pages are
/// drawn strictly in order and never revisited, so the entries of finished pages are set aside
/// while later pages are drawn, and put back in their original order before the document is
/// saved: the same ParentTree, built in linear time.
/// </summary>
internal sealed class ParentTreeParking(UAManager ua)
{
    private readonly List<PdfItem> _parked = [];

    private PdfArray? Nums =>
        (ua.StructureTreeRoot.Elements.GetDictionary("/ParentTree") as PdfNumberTreeNode)?
            .Elements.GetArray("/Nums");

    /// <summary>Call when a page is finished: its entries (and its links') leave the array the builder scans.</summary>
    public void Park()
    {
        if (Nums is not { } nums) return;
        _parked.AddRange(nums.Elements);
        nums.Elements.Clear();
    }

    /// <summary>Call before saving: every entry back, in the order the builder added them.</summary>
    public void Restore()
    {
        if (_parked.Count == 0) return;
        var nums = Nums ?? throw new InvalidOperationException("the ParentTree lost its /Nums array while pages were parked");
        var current = nums.Elements.ToList();
        nums.Elements.Clear();
        foreach (var item in _parked.Concat(current)) nums.Elements.Add(item);
        _parked.Clear();
    }
}
