using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown;
using Markdig.Syntax;

namespace CourseBuilder.Loading;

/// <summary>A Markdown file split into its YAML front matter and its syntax tree (whose line numbers are the file's).</summary>
internal sealed partial record MarkdownFile(string Path, YamlMap FrontMatter, MarkdownDocument Document)
{
    public static MarkdownFile? Read(string path, DiagnosticBag diagnostics)
    {
        var text = SourceFile.ReadText(path, diagnostics);
        if (text is null) return null;

        var yamlText = "";
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = FindFrontMatterEnd(text);
            if (end < 0)
            {
                diagnostics.Error(DiagnosticCode.MalformedYaml, SourceLocation.File(path), "front matter opened with '---' is never closed by a '---' line");
                return null;
            }
            yamlText = text[4..end];
        }
        var frontMatter = YamlMap.Parse(yamlText, path, 1, diagnostics);
        if (frontMatter is null) return null;
        ReportAdjacentFootnotes(text, path, diagnostics);
        // The front matter stays in the text so Markdig's positions are the file's own lines.
        MarkdownDocument document;
        try
        {
            document = CourseMarkdown.Parse(text);
        }
        catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
        {
            // Markdig's own nesting limit; it names no position.
            diagnostics.Error(DiagnosticCode.NestedTooDeeply, MarkdownBounds.DeepestLine(text, path),
                "the Markdown is nested too deeply to read (block quotes, lists or brackets inside one another); flatten the structure");
            return null;
        }
        if (MarkdownBounds.ReportTooDeep(document, path, diagnostics)) return null;
        return new MarkdownFile(path, frontMatter, document);
    }

    /// <summary>
    /// Markdig reads "[^1][^2]" as a reference-style link to footnote 2, and footnote 1 vanishes
    /// from that spot; GitHub shows both. Authors write it often, so say so where it happens.
    /// </summary>
    private static void ReportAdjacentFootnotes(string text, string path, DiagnosticBag diagnostics)
    {
        foreach (System.Text.RegularExpressions.Match match in AdjacentFootnotes().Matches(text))
        {
            var line = 1 + text.AsSpan(0, match.Index).Count('\n');
            var column = match.Index - (text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1) + 1;
            diagnostics.Warning(DiagnosticCode.AdjacentFootnotes, new SourceLocation(path, line, column),
                $"'{match.Value}' is read as one footnote reference and the first is lost; put a space between them");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\^[^\]\s]+\]\[\^[^\]\s]+\]")]
    private static partial System.Text.RegularExpressions.Regex AdjacentFootnotes();

    private static int FindFrontMatterEnd(string text)
    {
        var i = 4;
        while (i <= text.Length)
        {
            var next = text.IndexOf('\n', i);
            var line = next < 0 ? text[i..] : text[i..next];
            if (line.TrimEnd() is "---" or "...") return i;
            if (next < 0) return -1;
            i = next + 1;
        }
        return -1;
    }
}
