using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Markdown;

/// <summary>The words of a node without markup: for SCORM descriptions, alt text, titles and checks.</summary>
public static class PlainText
{
    public static string Of(Inline? inline)
    {
        var sb = new StringBuilder();
        Append(sb, inline);
        return Normalize(sb);
    }

    public static string Of(Block? block)
    {
        var sb = new StringBuilder();
        Append(sb, block);
        return Normalize(sb);
    }

    public static string Of(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks) { Append(sb, block); sb.Append(' '); }
        return Normalize(sb);
    }

    private static void Append(StringBuilder sb, Block? block)
    {
        switch (block)
        {
            case null: return;
            case LeafBlock { Inline: { } inline }:
                Append(sb, inline);
                break;
            case LeafBlock leaf when leaf.Lines.Lines is not null:
                sb.Append(leaf.Lines.ToString());
                break;
            case ContainerBlock container:
                foreach (var child in container) { Append(sb, child); sb.Append(' '); }
                break;
        }
    }

    private static void Append(StringBuilder sb, Inline? inline)
    {
        switch (inline)
        {
            case null: return;
            case TaskList: return;
            case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append(' '); break;
            case HtmlEntityInline entity: sb.Append(entity.Transcoded.ToString()); break;
            case AutolinkInline auto: sb.Append(auto.Url); break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling) Append(sb, child);
                break;
        }
    }

    private static string Normalize(StringBuilder sb)
    {
        var text = sb.ToString();
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = result.Length > 0; continue; }
            if (space) { result.Append(' '); space = false; }
            result.Append(c);
        }
        return result.ToString();
    }
}
