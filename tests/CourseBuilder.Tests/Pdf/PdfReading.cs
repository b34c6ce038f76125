using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace CourseBuilder.Tests.Pdf;

/// <summary>Reading a guide back the way a viewer or screen reader would: text, structure tree, fonts.</summary>
public static class PdfReading
{
    /// <summary>The words of a page in content order, single-spaced.</summary>
    public static string PageText(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    public static string AllText(PdfDocument pdf) => string.Join(" ", pdf.GetPages().Select(PageText));

    public static IToken? Resolve(PdfDocument pdf, IToken? token)
    {
        while (token is IndirectReferenceToken reference) token = pdf.Structure.GetObject(reference.Data)?.Data;
        return token;
    }

    public static IToken? Get(PdfDocument pdf, DictionaryToken dictionary, string key) =>
        dictionary.TryGet(NameToken.Create(key), out var value) ? Resolve(pdf, value) : null;

    /// <summary>Every structure element under the StructTreeRoot: its type (S) and its Alt text.</summary>
    public static List<(string Type, string? Alt)> StructureElements(PdfDocument pdf)
    {
        var result = new List<(string, string?)>();
        if (Get(pdf, pdf.Structure.Catalog.CatalogDictionary, "StructTreeRoot") is not DictionaryToken root) return result;
        var seen = new HashSet<IndirectReference>();
        void Walk(IToken? token)
        {
            if (token is IndirectReferenceToken r && !seen.Add(r.Data)) return;
            switch (Resolve(pdf, token))
            {
                case ArrayToken array:
                    foreach (var item in array.Data) Walk(item);
                    break;
                case DictionaryToken dict when Get(pdf, dict, "S") is NameToken type:
                    var alt = Get(pdf, dict, "Alt") is StringToken s ? s.Data : null;
                    result.Add((type.Data, alt));
                    if (dict.TryGet(NameToken.Create("K"), out var kids)) Walk(kids);
                    break;
            }
        }
        if (root.TryGet(NameToken.Create("K"), out var k)) Walk(k);
        return result;
    }

    /// <summary>The font dictionaries used by any page.</summary>
    public static List<DictionaryToken> Fonts(PdfDocument pdf)
    {
        var fonts = new List<DictionaryToken>();
        foreach (var page in pdf.GetPages())
        {
            if (Get(pdf, page.Dictionary, "Resources") is not DictionaryToken resources) continue;
            if (Get(pdf, resources, "Font") is not DictionaryToken fontTable) continue;
            foreach (var entry in fontTable.Data.Values)
                if (Resolve(pdf, entry) is DictionaryToken font) fonts.Add(font);
        }
        return fonts;
    }
}
