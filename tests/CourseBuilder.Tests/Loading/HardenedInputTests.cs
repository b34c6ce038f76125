using CourseBuilder.Build;
using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;
using CourseBuilder.Pdf.Layout;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Loading;

public sealed class HardenedInputTests
{
    [Theory]
    [InlineData("<img/onerror=alert(1) src=x>", "'onerror='")]
    [InlineData("<svg/onload=alert(1)>", "'onload='")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>", "'javascript:'")]
    [InlineData("<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>", "'javascript:'")]
    [InlineData("<a href=\"&#106avascript:alert(1)\">x</a>", "'javascript:'")]
    [InlineData("<a href=\" java\tscript:alert(1)\">x</a>", "'javascript:'")]
    [InlineData("<a href=\"\u0001javascript:alert(1)\">x</a>", "'javascript:'")]
    [InlineData("<a href='VBScript:msgbox(1)'>x</a>", "'vbscript:'")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", "'javascript:'")]
    [InlineData("<meta http-equiv=refresh content=\"0;url=https://example.org\">", "<meta http-equiv>")]
    [InlineData("<base href=\"https://example.org/\">", "<base>")]
    [InlineData("<form action=\"https://example.org\"><input></form>", "<form>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "<iframe>")]
    [InlineData("<object data=\"x.swf\"></object>", "<object>")]
    [InlineData("<embed src=\"x.swf\">", "<embed>")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>", "<script>")]
    [InlineData("<svg><svg:script>alert(1)</svg:script></svg>", "<script>")]
    [InlineData("<p title=\"x\" ONCLICK=\"alert(1)\">x</p>", "'onclick='")]
    public void TheRawHtmlPolicyFindsScriptHoweverItIsWritten(string html, string named)
    {
        var problem = RawHtmlPolicy.Violation(html);
        Assert.NotNull(problem);
        Assert.Contains(named, problem);
    }

    [Theory]
    [InlineData("<p class=\"note\">Plain <strong>text</strong> about javascript: the language.</p>")]
    [InlineData("<a href=\"https://example.org/javascript:\">a page about it</a>")]
    [InlineData("<!-- <script>alert(1)</script> -->")]
    [InlineData("<textarea><img onerror=x></textarea>")]
    [InlineData("<meta charset=\"utf-8\">")]
    [InlineData("<details><summary>More</summary><p>Hidden</p></details>")]
    public void TheRawHtmlPolicyLetsHarmlessHtmlThrough(string html) => Assert.Null(RawHtmlPolicy.Violation(html));

    [Fact]
    public void DiagnosticsPrintControlCharactersAndDirectionOverridesEscaped()
    {
        var diagnostic = new Diagnostic(Severity.Error, "CB0014", "question id 'a\u001b[2Jb\u202Ec' is invalid", new SourceLocation("x\u0007.md", 1, 1));
        Assert.Equal("x\\u0007.md:1:1: error CB0014: question id 'a\\u001B[2Jb\\u202Ec' is invalid", diagnostic.Format());
    }

    [Fact]
    public void AFileThatCannotBeReadIsReportedNotThrown()
    {
        // Reading /proc/self/mem from its start fails with an I/O error, even for root, who can read any file chmod 000 would protect.
        var diagnostics = new DiagnosticBag();
        Assert.Null(InputFiles.ReadBytes("/proc/self/mem", 1 << 20, diagnostics));
        var reported = Assert.Single(diagnostics.Sorted());
        Assert.Equal("CB0045", reported.Code);
        Assert.Equal("'mem' cannot be read: Input/output error", reported.Message);
    }

    [Fact]
    public void APipeIsReportedWithoutBeingOpened()
    {
        using var temp = new TempDir("fifo");
        var pipe = temp.Sub("pipe.md");
        BadInputCorpus.MakeFifo(pipe);
        var diagnostics = new DiagnosticBag();
        var read = Task.Run(() => InputFiles.ReadBytes(pipe, 1 << 20, diagnostics));
        Assert.True(read.Wait(TimeSpan.FromSeconds(20)), "reading a FIFO blocked");
        Assert.Null(read.Result);
        Assert.Equal("'pipe.md' is not a regular file (a pipe, socket or device); remove it from the content folder", Assert.Single(diagnostics.Sorted()).Message);
    }

    [Fact]
    public void ResolvingLinksFindsWhereAFileReallyIs()
    {
        using var temp = new TempDir("links");
        Directory.CreateDirectory(temp.Sub("content"));
        File.WriteAllText(temp.Sub("outside.txt"), "x");
        File.CreateSymbolicLink(temp.Sub("content/inner.txt"), "../outside.txt");
        Directory.CreateSymbolicLink(temp.Sub("content/up"), "..");
        File.CreateSymbolicLink(temp.Sub("content/loop"), "loop");

        Assert.False(InputFiles.IsInside(temp.Sub("content/inner.txt"), temp.Sub("content")));
        Assert.False(InputFiles.IsInside(temp.Sub("content/up/outside.txt"), temp.Sub("content")));
        Assert.True(InputFiles.IsInside(temp.Sub("content/new.txt"), temp.Sub("content")));
        Assert.Null(InputFiles.Resolve(temp.Sub("content/loop")));
        Assert.Equal(InputFiles.Kind.LinkLoop, InputFiles.KindOf(temp.Sub("content/loop")));
    }

    [Fact]
    public void AWordOfAMillionCharactersBreaksInLinearTime()
    {
        var fonts = new FontBook();
        var style = new GuideStyles(null).Body;
        var word = new string('a', 1_000_000);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var lines = LineBreaker.Break([new TextRun(word, style)], 400, fonts);
        stopwatch.Stop();

        // Before, each line measured and copied the rest of the word: 32 s for this word.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(1_000_000, lines.Sum(l => l.Spans.Sum(s => s.Text.Length)));
        Assert.All(lines, l => Assert.True(l.Width <= 400.01, $"line of width {l.Width}"));
    }

    [Fact]
    public void ExternalLinksOpenInANewTabWithAHiddenNote()
    {
        using var temp = new TempDir("links");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var result = CourseBuild.Run(new BuildOptions(content, temp.Sub("out"), [CourseBuilder.Model.OutputFormat.Html], UseCache: false));
        Assert.True(result.Succeeded);
        var html = File.ReadAllText(temp.Sub("out/html/modules/basics/index.html"));

        Assert.Contains("<a href=\"https://example.org\" target=\"_blank\" rel=\"noopener\">link<span class=\"cb-visually-hidden\"> (opens in a new tab)</span></a>", html);
        // A link to another lesson stays in the player.
        Assert.Contains(">first lesson</a>", html);
        Assert.DoesNotContain("first lesson<span", html);
    }
}
