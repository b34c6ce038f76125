using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace CourseBuilder.Pdf.Layout;

/// <summary>Document-wide settings: page size, metadata and the fixed timestamp that keeps output repeatable.</summary>
public sealed record GuideDocumentSettings(
    double PageWidth,
    double PageHeight,
    string Title,
    string Subject,
    string Author,
    string Language,
    string HeaderLeft,
    string HeaderRight,
    DateTime Timestamp,
    /// <summary>Seed for the trailer's document ID, so identical input gives identical bytes.</summary>
    string Identity);

/// <summary>
/// A guide as one tagged PDF: lays out its components into rows, has <see cref="Paginator"/>
/// break them into pages, and writes them with structure tags, outline, running head and
/// "Page X of Y" footer; <see cref="ReproducibilityPatches"/> then make the bytes repeatable.
/// </summary>
public sealed class GuideDocument(GuideDocumentSettings settings, GuideStyles styles)
{
    public const double MarginX = 62, MarginTop = 74, MarginBottom = 70;

    private readonly FontBook _fonts = new();

    public Column Body { get; } = new();
    public double ContentWidth => settings.PageWidth - 2 * MarginX;
    public double ContentHeight => settings.PageHeight - MarginTop - MarginBottom;

    public byte[] Render()
    {
        var root = StructNode.NewRoot();
        var ctx = new LayoutContext(_fonts, styles, ContentHeight);
        var rows = new List<Row>();
        Body.Layout(ctx, new Area(MarginX, ContentWidth, [], root), rows);
        // The components are laid out; only their rows are needed from here on. Letting go of
        // what is done (here, and each page once drawn) keeps a long guide's peak memory down.
        Body.Children.Clear();
        var pages = Paginator.Paginate(rows, ContentHeight);
        rows.Clear();

        var anchors = new Dictionary<string, (int Page, double Y)>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
            foreach (var placed in pages[p])
                if (placed.Row.Anchor is { } anchor && !placed.AsArtifact)
                    anchors.TryAdd(anchor, (p + 1, MarginTop + placed.Top - 12));
        return Write(pages, anchors);
    }

    private byte[] Write(List<List<Placement>> pages, Dictionary<string, (int Page, double Y)> anchors)
    {
        using var document = new PdfDocument();
        document.Info.Title = settings.Title;
        document.Info.Subject = settings.Subject;
        document.Info.Author = settings.Author;
        document.Info.Creator = "CourseBuilder";
        document.Info.CreationDate = settings.Timestamp;
        document.Info.ModificationDate = settings.Timestamp;
        document.PageLayout = PdfPageLayout.SinglePage;
        document.PageMode = PdfPageMode.UseOutlines;

        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage(settings.Language);
        document.ViewerPreferences.DisplayDocTitle = true;
        var structure = new StructureState(ua.StructureBuilder, settings.Timestamp);
        var parentTree = new ParentTreeParking(ua);

        (int, double)? Resolve(string anchor) => anchors.TryGetValue(anchor, out var t) ? t : null;
        var pdfPages = new List<PdfPage>();
        var outline = new List<(int Page, double Top, OutlineEntry Entry)>();
        var runningHead = settings.HeaderRight;
        for (var p = 0; p < pages.Count; p++)
        {
            runningHead = pages[p].Select(x => x.Row.RunningHead).FirstOrDefault(h => h is not null) ?? runningHead;
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(settings.PageWidth);
            page.Height = XUnit.FromPoint(settings.PageHeight);
            pdfPages.Add(page);
            using (var gfx = XGraphics.FromPdfPage(page))
            {
                var canvas = new PageCanvas(gfx, structure, _fonts, Resolve);
                DrawRunningHeadAndFooter(canvas, p + 1, pages.Count, runningHead);
                DrawFrames(canvas, pages[p]);
                foreach (var placed in pages[p])
                {
                    canvas.ArtifactMode = placed.AsArtifact;
                    placed.Row.Draw(canvas, MarginTop + placed.Top);
                    canvas.ArtifactMode = false;
                }
                ua.StructureBuilder.EndMarkedContentsWithId();
            }
            parentTree.Park();
            foreach (var placed in pages[p])
                if (!placed.AsArtifact && placed.Row.Outline is { } entry) outline.Add((p, placed.Top, entry));
            pages[p] = [];
        }
        structure.CloseAll();
        parentTree.Restore();
        AddOutline(document, outline, pdfPages);

        // Same input, same bytes: fixed IDs instead of PDFsharp's random GUIDs.
        var id = ReproducibilityPatches.Identity(settings.Identity);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        var bytes = stream.ToArray();
        ReproducibilityPatches.FixXmpIds(bytes, settings.Identity);
        ReproducibilityPatches.FixSubsetPrefixes(bytes);
        return bytes;
    }

    private void DrawRunningHeadAndFooter(PageCanvas canvas, int page, int pageCount, string headerRight)
    {
        canvas.ArtifactMode = true;
        var small = styles.Small;
        var left = MarginX;
        var right = settings.PageWidth - MarginX;
        if (page > 1)
        {
            var headerBaseline = MarginTop - 30;
            var rightText = Fit(headerRight, small, ContentWidth * 0.48);
            var leftText = Fit(settings.HeaderLeft, small, ContentWidth * 0.48);
            canvas.Text(null, leftText, small, left, headerBaseline);
            canvas.Text(null, rightText, small, right - _fonts.Width(rightText, small), headerBaseline);
            canvas.Line(styles.Rule, 0.5, left, headerBaseline + 6, right, headerBaseline + 6);
        }
        var footer = string.Format(CultureInfo.InvariantCulture, "Page {0} of {1}", page, pageCount);
        var footerBaseline = settings.PageHeight - MarginBottom + 36;
        canvas.Text(null, footer, small, (settings.PageWidth - _fonts.Width(footer, small)) / 2, footerBaseline);
        canvas.ArtifactMode = false;
    }

    /// <summary>Shortens running-head text that would collide with its neighbour.</summary>
    private string Fit(string text, TextStyle style, double width)
    {
        if (_fonts.Width(text, style) <= width) return text;
        var cut = text.Length;
        while (cut > 1 && _fonts.Width(text[..cut] + "…", style) > width) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    private static void DrawFrames(PageCanvas canvas, List<Placement> page)
    {
        var extents = new Dictionary<Frame, (double Top, double Bottom)>(ReferenceEqualityComparer.Instance);
        var order = new List<Frame>();
        foreach (var placed in page)
            foreach (var frame in placed.Row.Frames)
            {
                var top = MarginTop + placed.Top;
                var bottom = top + placed.Row.Height;
                if (extents.TryGetValue(frame, out var e)) extents[frame] = (Math.Min(e.Top, top), Math.Max(e.Bottom, bottom));
                else { extents[frame] = (top, bottom); order.Add(frame); }
            }
        foreach (var frame in order)
        {
            var (top, bottom) = extents[frame];
            var rect = new XRect(frame.X, top, frame.Width, bottom - top);
            if (frame.Fill is { } fill) canvas.Fill(fill, rect);
            if (frame.Border is { } border) canvas.StrokeRect(border, 0.8, rect);
            if (frame.Bar is { } bar) canvas.Fill(bar, new XRect(frame.X, top, frame.BarWidth, bottom - top));
        }
    }

    private static void AddOutline(PdfDocument document, List<(int Page, double Top, OutlineEntry Entry)> entries, List<PdfPage> pdfPages)
    {
        var stack = new List<(int Level, PdfOutline Outline)>();
        foreach (var (p, top, entry) in entries)
        {
            while (stack.Count > 0 && stack[^1].Level >= entry.Level) stack.RemoveAt(stack.Count - 1);
            var siblings = stack.Count == 0 ? document.Outlines : stack[^1].Outline.Outlines;
            var outline = siblings.Add(entry.Title, pdfPages[p], entry.Level <= 1);
            // Open at the heading itself, not at the top of its page.
            outline.PageDestinationType = PdfPageDestinationType.Xyz;
            outline.Left = 0;
            outline.Top = Math.Round(pdfPages[p].Height.Point - (MarginTop + top) + 12, 2);
            stack.Add((entry.Level, outline));
        }
    }
}
