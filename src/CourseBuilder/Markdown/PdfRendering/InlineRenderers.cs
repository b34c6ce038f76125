using CourseBuilder.Markdown;
using CourseBuilder.Pdf.Layout;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Markdown.PdfRendering;

internal static class InlineRenderers
{
    public static void Register(PdfMarkdownRenderer renderer)
    {
        renderer.ObjectRenderers.Add(new LiteralPdfRenderer());
        renderer.ObjectRenderers.Add(new EmphasisPdfRenderer());
        renderer.ObjectRenderers.Add(new CodeInlinePdfRenderer());
        renderer.ObjectRenderers.Add(new LinkPdfRenderer());
        renderer.ObjectRenderers.Add(new AutolinkPdfRenderer());
        renderer.ObjectRenderers.Add(new LineBreakPdfRenderer());
        renderer.ObjectRenderers.Add(new HtmlEntityPdfRenderer());
        renderer.ObjectRenderers.Add(new FootnoteLinkPdfRenderer());
        renderer.ObjectRenderers.Add(new TaskListPdfRenderer());
        renderer.ObjectRenderers.Add(new HtmlInlinePdfRenderer());
        renderer.ObjectRenderers.Add(new ContainerInlinePdfRenderer());
    }
}

public sealed class LiteralPdfRenderer : PdfObjectRenderer<LiteralInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, LiteralInline inline) => renderer.AddText(inline.Content.ToString());
}

/// <summary>*italic*, **bold**; other delimiters (~~, ==) print as plain text.</summary>
public sealed class EmphasisPdfRenderer : PdfObjectRenderer<EmphasisInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, EmphasisInline inline)
    {
        if (inline.DelimiterChar is not ('*' or '_')) { renderer.WriteChildren(inline); return; }
        renderer.WithStyle(inline.DelimiterCount >= 2 ? s => s.WithBold() : s => s.WithItalic(), inline);
    }
}

public sealed class CodeInlinePdfRenderer : PdfObjectRenderer<CodeInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, CodeInline inline)
    {
        var current = renderer.CurrentStyle;
        var code = renderer.Styles.Code with { Size = current.Size * 0.9, Color = current.Color };
        renderer.AddText(inline.Content, code, null);
    }
}

/// <summary>Links are clickable and coloured; an image inside running text prints its alt text.</summary>
public sealed class LinkPdfRenderer : PdfObjectRenderer<LinkInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, LinkInline link)
    {
        if (link.IsImage)
        {
            renderer.AddText("[" + PlainText.Of(link) + "]");
            return;
        }
        var target = renderer.Target(link.GetDynamicUrl?.Invoke() ?? link.Url);
        if (target is null) { renderer.WriteChildren(link); return; }
        renderer.WithStyle(s => s with { Color = renderer.Styles.Link }, link, target);
    }
}

public sealed class AutolinkPdfRenderer : PdfObjectRenderer<AutolinkInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, AutolinkInline link)
    {
        var url = link.IsEmail && !link.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? "mailto:" + link.Url : link.Url;
        renderer.AddText(link.Url, renderer.CurrentStyle with { Color = renderer.Styles.Link }, LinkTarget.Web(url));
    }
}

public sealed class LineBreakPdfRenderer : PdfObjectRenderer<LineBreakInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, LineBreakInline inline) => renderer.AddText(inline.IsHard ? "\n" : " ");
}

public sealed class HtmlEntityPdfRenderer : PdfObjectRenderer<HtmlEntityInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, HtmlEntityInline inline) => renderer.AddText(inline.Transcoded.ToString());
}

/// <summary>A footnote reference prints as a bracketed number that links to the lesson's references.</summary>
public sealed class FootnoteLinkPdfRenderer : PdfObjectRenderer<FootnoteLink>
{
    protected override void Write(PdfMarkdownRenderer renderer, FootnoteLink link)
    {
        if (link.IsBackLink) return;
        var style = renderer.CurrentStyle with { Size = renderer.CurrentStyle.Size * 0.8, Color = renderer.Styles.Link };
        renderer.AddText($"[{link.Footnote.Order}]", style, LinkTarget.Internal(FootnoteGroupPdfRenderer.FootnoteAnchor(renderer, link.Footnote)));
    }
}

/// <summary>Task-list boxes outside questions print as [ ] or [x].</summary>
public sealed class TaskListPdfRenderer : PdfObjectRenderer<TaskList>
{
    protected override void Write(PdfMarkdownRenderer renderer, TaskList inline) => renderer.AddText(inline.Checked ? "[x] " : "[ ] ");
}

public sealed class HtmlInlinePdfRenderer : PdfObjectRenderer<HtmlInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, HtmlInline inline) { }
}

public sealed class ContainerInlinePdfRenderer : PdfObjectRenderer<ContainerInline>
{
    protected override void Write(PdfMarkdownRenderer renderer, ContainerInline inline) => renderer.WriteChildren(inline);
}
