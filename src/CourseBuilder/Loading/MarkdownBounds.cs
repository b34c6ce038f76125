using CourseBuilder.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBuilder.Loading;

/// <summary>
/// Nesting no lesson needs, refused at its line: Markdig gives up on very deep input with an
/// exception that names no line, and the PDF guide indents every level of a block quote or
/// list, so a few dozen levels leave no room for the text.
/// </summary>
internal static class MarkdownBounds
{
    /// <summary>Block quotes, lists, list items and ::: blocks inside one another.</summary>
    public const int MaxBlockDepth = 16;

    /// <summary>Emphasis, links and the like inside one another.</summary>
    public const int MaxInlineDepth = 32;

    /// <summary>Reports the first block or inline nested deeper than the limits; true when one was.</summary>
    public static bool ReportTooDeep(MarkdownDocument document, string path, DiagnosticBag diagnostics)
    {
        foreach (var node in document.Descendants())
        {
            var (depth, limit, what) = node is Inline inline
                ? (InlineDepth(inline), MaxInlineDepth, "emphasis and links")
                : (BlockDepth(node), MaxBlockDepth, "block quotes, lists and ::: blocks");
            if (depth <= limit) continue;
            diagnostics.Error(DiagnosticCode.NestedTooDeeply, new SourceLocation(path, node.Line + 1, node.Column + 1),
                $"{what} are nested more than {limit} levels deep here; flatten the structure");
            return true;
        }
        return false;
    }

    /// <summary>
    /// Where to report input Markdig refused as too deep: the line with the most block-quote
    /// markers or opening brackets, the usual culprits.
    /// </summary>
    public static SourceLocation DeepestLine(string text, string path)
    {
        var lines = text.Split('\n');
        int best = 0, bestScore = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var score = 0;
            foreach (var c in lines[i]) if (c is '>' or '[' or '*' or '_' or '-' or '<') score++;
            if (score > bestScore) (best, bestScore) = (i, score);
        }
        return new SourceLocation(path, best + 1, 1);
    }

    private static int BlockDepth(Markdig.Syntax.MarkdownObject node)
    {
        // Containers count, themselves included; a paragraph sits at its container's level.
        var depth = node is ContainerBlock and not MarkdownDocument ? 1 : 0;
        for (var parent = (node as Block)?.Parent; parent is not null and not MarkdownDocument; parent = parent.Parent) depth++;
        return depth;
    }

    private static int InlineDepth(Inline inline)
    {
        var depth = 0;
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent) depth++;
        return depth;
    }
}
