namespace CourseBuilder.Pdf.Layout;

/// <summary>A row placed on a page: its top within the page's content area, and whether it is a repeated header (an artifact, not content).</summary>
internal sealed record Placement(Row Row, double Top, bool AsArtifact);

/// <summary>
/// Breaks laid-out rows into pages: keep-with-next groups move to the next page whole when they
/// fit on one, a group taller than a page fills it row by row, and a table's header row repeats
/// at the top of every page the table continues on.
/// </summary>
internal static class Paginator
{
    public static List<List<Placement>> Paginate(List<Row> rows, double height)
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
}
