using System.Reflection;
using CourseBuilder.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Xunit;

namespace CourseBuilder.Tests.Foundation;

/// <summary>
/// One syntax tree per file feeds every renderer, and renderers run in parallel, so a parsed tree
/// must not change when it is read. Markdig caches some text lazily on first read; the loader
/// reads it once up front.
/// </summary>
public class SharedSyntaxTreeTests
{
    private const string LazyTypeName = "Markdig.Helpers.LazySubstring";

    [Fact]
    public void Only_code_spans_hold_lazily_cut_text()
    {
        // A Markdig upgrade that makes more nodes lazy must extend CourseMarkdown.MaterializeLazyContent.
        var holders = typeof(CodeInline).Assembly.GetTypes()
            .Where(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Any(f => f.FieldType.FullName == LazyTypeName))
            .Select(t => t.FullName)
            .ToList();
        Assert.Equal(["Markdig.Syntax.Inlines.CodeInline"], holders);
    }

    [Fact]
    public void Parsed_code_spans_are_already_cut_so_parallel_reads_do_not_mutate_them()
    {
        var document = CourseMarkdown.Parse("Use `first` then `second`.\n\n| a | b |\n|---|---|\n| `in a table` | x |\n\n> quoted `code`\n");
        var spans = document.Descendants<CodeInline>().ToList();
        Assert.Equal(4, spans.Count);
        foreach (var span in spans)
        {
            var (text, offset, length) = LazyState(span);
            Assert.Equal(0, offset);
            Assert.Equal(text.Length, length);
        }
        Assert.Equal(["first", "second", "in a table", "code"], spans.Select(s => s.Content));
    }

    private static (string Text, int Offset, int Length) LazyState(CodeInline span)
    {
        var field = typeof(CodeInline).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Single(f => f.FieldType.FullName == LazyTypeName);
        var lazy = field.GetValue(span)!;
        var type = lazy.GetType();
        object? Member(string name) =>
            type.GetField(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(lazy)
            ?? type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(lazy);
        return ((string)Member("_text")!, (int)Member("Offset")!, (int)Member("Length")!);
    }
}
