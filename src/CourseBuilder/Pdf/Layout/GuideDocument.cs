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
/// Lays out components into rows, breaks the rows into pages (keep-with-next, widows and
/// orphans, repeated table headers) and writes a tagged PDF with outline, running head and
/// "Page X of Y" footer.
/// </summary>
public sealed class GuideDocument(GuideDocumentSettings settings, GuideStyles styles)
{
    public const double MarginX = 62, MarginTop = 74, MarginBottom = 70;

    private readonly FontBook _fonts = new();

    public Column Body { get; } = new();
    public double ContentWidth => settings.PageWidth - 2 * MarginX;
    public double ContentHeight => settings.PageHeight - MarginTop - MarginBottom;

    private sealed record Placement(Row Row, double Top, bool AsArtifact);

    public byte[] Render()
    {
        var root = StructNode.NewRoot();
        var ctx = new LayoutContext(_fonts, styles, ContentHeight);
        var rows = new List<Row>();
        Body.Layout(ctx, new Area(MarginX, ContentWidth, [], root), rows);
        // The components are laid out; only their rows are needed from here on. Letting go of
        // what is done (here, and each page once drawn) keeps a long guide's peak memory down.
        Body.Children.Clear();
        var pages = Paginate(rows, ContentHeight);
        rows.Clear();

        var anchors = new Dictionary<string, (int Page, double Y)>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
            foreach (var placed in pages[p])
                if (placed.Row.Anchor is { } anchor && !placed.AsArtifact)
                    anchors.TryAdd(anchor, (p + 1, MarginTop + placed.Top - 12));
        return Write(pages, anchors);
    }

    private static List<List<Placement>> Paginate(List<Row> rows, double height)
    {
        var pages = new List<List<Placement>>();
        var page = new List<Placement>();
        var y = 0.0;
        void NewPage() { pages.Add(page); page = []; y = 0; }
        void Place(Row row, bool artifact = false)
        {
            if (page.Count > 0) y += row.SpaceBefore;
            page.Add(new Placement(row, y, artifact));
            y += row.Height;
        }
        double Space(Row row) => page.Count > 0 ? row.SpaceBefore : 0;

        var i = 0;
        while (i < rows.Count)
        {
            var first = rows[i];
            if (first.BreakBefore && page.Count > 0) { NewPage(); continue; }
            var last = i;
            while (last < rows.Count - 1 && rows[last].KeepWithNext && !rows[last + 1].BreakBefore) last++;

            var header = page.Count == 0 && first.RepeatHeader is { } h && i > 0 && !ReferenceEquals(rows[i - 1], h) ? h : null;
            var needed = (header?.Height ?? 0) + Space(first) + first.Height;
            for (var k = i + 1; k <= last; k++) needed += rows[k].SpaceBefore + rows[k].Height;

            if (y + needed <= height + 0.01)
            {
                if (header is not null) Place(header, artifact: true);
                for (var k = i; k <= last; k++) Place(rows[k]);
                i = last + 1;
                continue;
            }
            if (page.Count > 0) { NewPage(); continue; }

            // The group is taller than a page: fill this page row by row, at least one row.
            if (header is not null) Place(header, artifact: true);
            Place(rows[i++]);
            while (i <= last && y + rows[i].SpaceBefore + rows[i].Height <= height + 0.01) Place(rows[i++]);
            NewPage();
        }
        if (page.Count > 0) pages.Add(page);
        if (pages.Count == 0) pages.Add([]);
        return pages;
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
        var id = Identity(settings.Identity);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        var bytes = stream.ToArray();
        FixXmpIds(bytes, settings.Identity);
        FixSubsetPrefixes(bytes);
        return bytes;
    }

    /// <summary>
    /// PDFsharp 6.2 writes random UUIDs as the XMP DocumentID and InstanceID, in a stream it does
    /// not compress. Overwriting them in place with UUIDs derived from the input keeps every
    /// length and offset valid and makes the bytes repeatable.
    /// </summary>
    /// <summary>
    /// PDFsharp tags each font subset with a random six-letter prefix ("ABCDEF+Open Sans"). The
    /// prefixes are replaced, in place, by ones numbered in order of first appearance.
    /// </summary>
    private static void FixSubsetPrefixes(byte[] pdf)
    {
        // A byte scan, not a regex over the decoded file: whole-course guides run to tens of MB.
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        var span = pdf.AsSpan();
        for (var at = 0; ; )
        {
            var found = span[at..].IndexOf("Font"u8);
            if (found < 0) break;
            var font = at + found;
            at = font + 4;
            int prefix;
            if (font >= 1 && pdf[font - 1] == '/' && span[font..].StartsWith("FontName/"u8)) prefix = font + 9;
            else if (font >= 5 && span[(font - 5)..].StartsWith("/BaseFont/"u8)) prefix = font + 5;
            else continue;
            if (prefix + 7 > pdf.Length || pdf[prefix + 6] != '+') continue;
            var letters = span.Slice(prefix, 6);
            if (letters.ContainsAnyExceptInRange((byte)'A', (byte)'Z')) continue;
            var random = System.Text.Encoding.ASCII.GetString(letters);
            if (!replacements.TryGetValue(random, out var fixedPrefix))
            {
                var n = replacements.Count;
                fixedPrefix = "CB" + new string([(char)('A' + n / 676 % 26), (char)('A' + n / 26 % 26), (char)('A' + n % 26), 'S']);
                replacements[random] = fixedPrefix;
            }
            System.Text.Encoding.ASCII.GetBytes(fixedPrefix).CopyTo(pdf, prefix);
        }
    }

    private static void FixXmpIds(byte[] pdf, string identity)
    {
        foreach (var (tag, salt) in new[] { ("<xmpMM:DocumentID>uuid:", "document"), ("<xmpMM:InstanceID>uuid:", "instance") })
        {
            var marker = System.Text.Encoding.ASCII.GetBytes(tag);
            var at = pdf.AsSpan().IndexOf(marker);
            if (at < 0) continue;
            var start = at + marker.Length;
            if (start + 36 > pdf.Length || pdf[start + 8] != (byte)'-') continue;
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity + "|" + salt));
            var uuid = new Guid(hash.AsSpan(0, 16)).ToString("D");
            System.Text.Encoding.ASCII.GetBytes(uuid).CopyTo(pdf, start);
        }
    }

    private static string Identity(string seed)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return Convert.ToHexString(hash, 0, 16);
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
