using CourseBuilder.Analysis;
using CourseBuilder.Diagnostics;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Analysis;

public sealed class DelimitedTextTests
{
    [Fact]
    public void QuotedFieldsKeepDelimitersQuotesAndLineBreaks()
    {
        var rows = DelimitedText.Split("\uFEFFa\t\"b\tc\"\t\"d\"\"e\"\r\n\r\n\"two\nlines\"\tx\n", '\t');
        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b\tc", "d\"e"], rows[0].Fields);
        Assert.Equal(1, rows[0].Line);
        Assert.Equal(["two\nlines", "x"], rows[1].Fields);
        Assert.Equal(3, rows[1].Line);   // the blank line 2 is no record
    }

    [Fact]
    public void TheSimpleCsvTakesSemicolonsAndOtherColumnNames()
    {
        using var temp = new TempDir("csv");
        var file = temp.Sub("export.csv");
        File.WriteAllText(file, "Question ID;Student;Response;Extra\nm3-q-permanence;s1;b;x\nm3-q-voice-three;s1;a c d;x\n");
        var diagnostics = new DiagnosticBag();
        var read = ResultsReader.Read(file, diagnostics)!;
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(ResultsFormat.SimpleCsv, read.Format);
        Assert.Equal(["m3-q-permanence", "m3-q-voice-three"], read.Answers.Select(a => a.InteractionId));
        Assert.All(read.Answers, a => Assert.Equal(1, a.Attempt));
        Assert.Equal("a c d", read.Answers[1].Response);
        Assert.Null(read.Answers[1].Result);
    }
}
