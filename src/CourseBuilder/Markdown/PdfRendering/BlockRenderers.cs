using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Directives;
using CourseBuilder.Pdf.Layout;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CourseBuilder.Markdown.PdfRendering;

public sealed class ParagraphPdfRenderer : PdfObjectRenderer<ParagraphBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, ParagraphBlock block)
    {
        var style = renderer.Styles.Body;
        renderer.Add(new Paragraph(renderer.Runs(block, style), style) { SpaceBefore = 6 });
    }
}

/// <summary>Headings keep with the next block and become bookmarks; levels shift under the lesson title.</summary>
public sealed class HeadingPdfRenderer : PdfObjectRenderer<HeadingBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, HeadingBlock block)
    {
        var level = Math.Clamp(block.Level + renderer.Options.HeadingOffset, 1, 6);
        var style = renderer.Styles.Heading(level);
        var runs = renderer.Runs(block, style);
        var id = block.GetAttributes().Id;
        renderer.Add(new Paragraph(runs, style, "H" + level)
        {
            SpaceBefore = level <= 2 ? 16 : 12,
            KeepWithNext = true,
            LineSpacing = Leading.Heading,
            Anchor = id is null ? null : renderer.Options.AnchorPrefix + id,
            Outline = new OutlineEntry(level, PlainText.Of(block)),
        });
    }
}

public sealed class ListPdfRenderer : PdfObjectRenderer<ListBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, ListBlock list)
    {
        var depth = 0;
        for (var parent = list.Parent; parent is not null; parent = parent.Parent) if (parent is ListBlock) depth++;
        var start = list.IsOrdered && int.TryParse(list.OrderedStart, out var s) ? s : 1;
        var items = new List<ListItem>();
        var number = start;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var body = renderer.RenderChildren(item);
            var label = list.IsOrdered ? $"{number++}{list.OrderedDelimiter}" : (depth % 2 == 0 ? "•" : "–");
            items.Add(new ListItem(label, body));
        }
        renderer.Add(new ListComponent(items) { SpaceBefore = depth == 0 ? 6 : 2 });
    }
}

public sealed class QuotePdfRenderer : PdfObjectRenderer<QuoteBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, QuoteBlock block)
    {
        var box = new Box(new Frame { X = 0, Width = 0, Bar = renderer.Styles.Rule, BarWidth = 3 }, "BlockQuote") { Padding = 6 };
        foreach (var child in renderer.RenderChildren(block)) box.Add(child);
        renderer.Add(box);
    }
}

/// <summary>Code keeps its line breaks in a tinted box; long lines wrap rather than run off the page.</summary>
public sealed class CodeBlockPdfRenderer : PdfObjectRenderer<CodeBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, CodeBlock block)
    {
        if (block is YamlFrontMatterBlock) return;
        var text = block.Lines.ToString().TrimEnd('\n', '\r');
        var box = new Box(new Frame { X = 0, Width = 0, Fill = renderer.Styles.CodeTint }) { Padding = 8 };
        box.Add(new Paragraph([new TextRun(text.Replace("\r", ""), renderer.Styles.Code)], renderer.Styles.Code) { SpaceBefore = 0, LineSpacing = Leading.Code });
        renderer.Add(box);
    }
}

public sealed class ThematicBreakPdfRenderer : PdfObjectRenderer<ThematicBreakBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, ThematicBreakBlock block) => renderer.Add(new HorizontalRule());
}

public sealed class TablePdfRenderer : PdfObjectRenderer<Table>
{
    protected override void Write(PdfMarkdownRenderer renderer, Table table)
    {
        IReadOnlyList<IReadOnlyList<TextRun>>? header = null;
        var body = new List<IReadOnlyList<IReadOnlyList<TextRun>>>();
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = row.OfType<TableCell>().Select(cell => (IReadOnlyList<TextRun>)CellRuns(renderer, cell)).ToList();
            if (row.IsHeader && header is null && body.Count == 0) header = cells;
            else body.Add(cells);
        }
        var alignments = table.ColumnDefinitions.Select(d => d.Alignment switch
        {
            TableColumnAlign.Right => Align.Right,
            TableColumnAlign.Center => Align.Center,
            _ => Align.Left,
        }).ToList();
        renderer.Add(new TableComponent(header, body) { Alignments = alignments });
    }

    private static List<TextRun> CellRuns(PdfMarkdownRenderer renderer, TableCell cell)
    {
        var runs = new List<TextRun>();
        foreach (var leaf in cell.OfType<LeafBlock>())
        {
            if (runs.Count > 0) runs.Add(new TextRun("\n", renderer.Styles.Body));
            runs.AddRange(renderer.Runs(leaf, renderer.Styles.Body));
        }
        return runs;
    }
}

/// <summary>A lesson's footnotes are its references: a numbered list at its end that footnote links point to.</summary>
public sealed class FootnoteGroupPdfRenderer : PdfObjectRenderer<FootnoteGroup>
{
    protected override void Write(PdfMarkdownRenderer renderer, FootnoteGroup group)
    {
        var level = Math.Clamp(2 + renderer.Options.HeadingOffset, 1, 6);
        var style = renderer.Styles.Heading(level);
        renderer.Add(new Paragraph([new TextRun("References", style)], style, "H" + level)
        {
            SpaceBefore = 16, KeepWithNext = true, LineSpacing = Leading.Heading, Outline = new OutlineEntry(level, "References"),
        });
        var items = new List<ListItem>();
        foreach (var footnote in group.OfType<Footnote>().OrderBy(f => f.Order))
        {
            var body = renderer.RenderChildren(footnote);
            var anchored = new Anchored(FootnoteAnchor(renderer, footnote), body);
            items.Add(new ListItem($"{footnote.Order}.", [anchored]));
        }
        renderer.Add(new ListComponent(items) { SpaceBefore = 4 });
    }

    public static string FootnoteAnchor(PdfMarkdownRenderer renderer, Footnote footnote) =>
        renderer.Options.AnchorPrefix + "fn-" + footnote.Order;
}

/// <summary>Gives the first row of its content an anchor, for links into the middle of a list.</summary>
public sealed class Anchored(string anchor, IReadOnlyList<IComponent> content) : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var first = rows.Count;
        foreach (var c in content) c.Layout(ctx, area, rows);
        if (rows.Count > first) rows[first].Anchor ??= anchor;
    }
}

/// <summary>Nodes with nothing to print: front matter, link definitions and raw HTML (which print cannot run).</summary>
public sealed class SkippedBlockPdfRenderer : Markdig.Renderers.IMarkdownObjectRenderer
{
    public bool Accept(Markdig.Renderers.RendererBase renderer, Type objectType) =>
        typeof(LinkReferenceDefinitionGroup).IsAssignableFrom(objectType)
        || typeof(LinkReferenceDefinition).IsAssignableFrom(objectType)
        || typeof(HtmlBlock).IsAssignableFrom(objectType)
        || typeof(YamlFrontMatterBlock).IsAssignableFrom(objectType)
        || typeof(BlankLineBlock).IsAssignableFrom(objectType);

    public void Write(Markdig.Renderers.RendererBase renderer, MarkdownObject obj) { }
}

/// <summary>Unknown <c>:::</c> containers and the document itself: their children, in order.</summary>
public sealed class ContainerPdfRenderer : Markdig.Renderers.IMarkdownObjectRenderer
{
    public bool Accept(Markdig.Renderers.RendererBase renderer, Type objectType) =>
        typeof(CustomContainer).IsAssignableFrom(objectType) || typeof(DirectiveBlock).IsAssignableFrom(objectType) || objectType == typeof(MarkdownDocument);

    public void Write(Markdig.Renderers.RendererBase renderer, MarkdownObject obj) => renderer.WriteChildren((ContainerBlock)obj);
}
