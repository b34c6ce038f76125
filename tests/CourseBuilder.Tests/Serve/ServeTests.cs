using System.Text.RegularExpressions;
using CourseBuilder.Tests.Browser;
using CourseBuilder.Tests.Support;
using Microsoft.Playwright;

namespace CourseBuilder.Tests.Serve;

/// <summary><c>coursebuilder serve</c> in chromium: live reload, the error overlay, and the LMS inspector playing scorm-again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServeTests(BrowserFixture fixture)
{
    private const int Seconds = 90_000;
    private static string Lesson(string content) => Path.Combine(content, "modules", "02-more", "01-only.md");
    private static string LessonText(string body) => $"---\ntitle: The only lesson\n---\n\n{body}\n";

    [Fact]
    public async Task Saving_reloads_the_page_and_errors_show_over_the_last_good_build_until_fixed()
    {
        await using var s = await ServedCourse.StartAsync(fixture, dir => TempDir.CopyTree(TestPaths.ValidCourse, dir));
        var p = s.Page;
        await p.GotoAsync(s.Url("/modules/more/"));
        await p.WaitForFunctionAsync("() => !!window.CBPlayer");
        Assert.Contains("Just text.", await p.InnerTextAsync("body"));

        // The served page is the built one plus the hook: the files `build` writes have none of it.
        var built = await File.ReadAllTextAsync(Path.Combine(s.Output, "html", "modules", "more", "index.html"));
        Assert.DoesNotContain("/__cb/", built);
        using (var http = new HttpClient())
        {
            var served = await http.GetStringAsync(s.Url("/modules/more/"));
            var withoutHook = Regex.Replace(served, "<link rel=\"stylesheet\" href=\"/__cb/serve.css\">\n|<script src=\"/__cb/reload.js\" data-build=\"\\d+\"></script>\n", "")
                .Replace("connect-src 'self'", "connect-src 'none'");
            Assert.Equal(built, withoutHook);
        }

        await p.EvaluateAsync("() => { window.cbNotReloaded = true; }");
        await File.WriteAllTextAsync(Lesson(s.Content), LessonText("Edited text."));
        await p.WaitForFunctionAsync("() => document.body.innerText.includes('Edited text.')", null, new() { Timeout = Seconds });
        Assert.False(await p.EvaluateAsync<bool>("() => window.cbNotReloaded === true"), "the page changed without a reload");

        await File.WriteAllTextAsync(Lesson(s.Content), LessonText("Broken text.\n\n![](missing.png)"));
        var overlay = p.Locator("#cbs-overlay");
        await overlay.WaitForAsync(new() { Timeout = Seconds });
        var listed = await overlay.InnerTextAsync();
        Assert.Contains("The content has 2 errors", listed);
        Assert.Matches(@"modules/02-more/01-only\.md:7:1: error CB0040: image 'missing\.png' not found", listed);
        Assert.Matches(@"modules/02-more/01-only\.md:7:1: error CB0041: ", listed);
        Assert.Equal("alert", await overlay.GetAttributeAsync("role"));
        // Underneath, the last good build is still there and usable.
        Assert.Contains("Edited text.", await p.InnerTextAsync(".cb-page:not([hidden])"));
        Assert.DoesNotContain("Broken text.", await p.InnerTextAsync("body"));

        await File.WriteAllTextAsync(Lesson(s.Content), LessonText("Fixed text."));
        await p.WaitForFunctionAsync("() => document.body.innerText.includes('Fixed text.')", null, new() { Timeout = Seconds });
        Assert.Equal(0, await p.Locator("#cbs-overlay").CountAsync());

        // The index lists each module with its player and inspector.
        await p.GotoAsync(s.Url("/"));
        Assert.Equal(["/modules/basics/", "/modules/more/"], await p.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.cbs-modules > li > a')].map(a => a.getAttribute('href'))"));
        Assert.Equal(2, await p.Locator(".cbs-modules a[href^='/inspect/']").CountAsync());
        Assert.True(s.Problems.Count == 0, string.Join("\n", s.Problems));
    }

    [Fact]
    public async Task The_inspector_shows_what_the_package_writes_and_relaunches_as_a_resume_or_afresh()
    {
        await using var s = await ServedCourse.StartAsync(fixture, TestCourse.Write);
        var p = s.Page;
        await p.GotoAsync(s.Url($"/inspect/{TestCourse.Basics}/"));
        var frame = await PlayerFrameAsync(p);
        Assert.Contains("SCORM 1.2, normal mode, first launch", await p.InnerTextAsync("#cbi-launch"));
        await Cell(p, "cmi.core.lesson_status", "incomplete");

        while (!await frame.EvaluateAsync<bool>("() => document.querySelector('.cb-page:not([hidden])').classList.contains('cb-page--quiz')"))
            await frame.ClickAsync("#cb-next");
        // The location the scorm-again tests expect a relaunch to resume at: the quiz page.
        await Cell(p, "cmi.core.lesson_location", $"{TestCourse.Basics}--quiz");
        var suspendData = await p.EvaluateAsync<string>("() => cbInspector.calls.filter(c => c.fn === 'LMSSetValue' && c.a === 'cmi.suspend_data').pop().b");
        Assert.Equal(suspendData.Length.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")), await p.InnerTextAsync("#cbi-size"));

        await p.ClickAsync("#cbi-resume");
        await p.WaitForFunctionAsync("() => (document.getElementById('cbi-launch') || {}).textContent?.includes('resumed')", null, new() { Timeout = Seconds });
        frame = await PlayerFrameAsync(p);
        await frame.WaitForFunctionAsync("() => document.querySelector('.cb-page:not([hidden])').classList.contains('cb-page--quiz')");
        Assert.Equal("resume", await p.EvaluateAsync<string>("() => cbInspector.api.cmi.core.entry"));

        await p.ClickAsync("#cbi-reset");
        await p.WaitForFunctionAsync("() => (document.getElementById('cbi-launch') || {}).textContent?.includes('first launch')", null, new() { Timeout = Seconds });
        frame = await PlayerFrameAsync(p);
        Assert.False(await frame.EvaluateAsync<bool>("() => document.querySelector('.cb-page:not([hidden])').classList.contains('cb-page--quiz')"));

        // An LMS that refuses every commit: the refusal is listed as it happens.
        await p.SelectOptionAsync("select[name=refuse]", "Commit");
        await p.WaitForFunctionAsync("() => (document.getElementById('cbi-launch') || {}).textContent?.includes('refuses every commit')", null, new() { Timeout = Seconds });
        frame = await PlayerFrameAsync(p);
        await frame.ClickAsync("#cb-next");
        await p.Locator("#cbi-calls .cbi-refused").First.WaitForAsync(new() { Timeout = Seconds });
        Assert.StartsWith("LMSCommit(", await p.Locator("#cbi-calls .cbi-refused").First.InnerTextAsync());

        // SCORM 2004 in browse mode: the 2004 API is the one the package finds and writes to.
        await p.SelectOptionAsync("select[name=refuse]", "");
        await p.WaitForFunctionAsync("() => (document.getElementById('cbi-launch') || {}).textContent?.includes('normal mode, first launch.')", null, new() { Timeout = Seconds });
        await p.CheckAsync("input[name=version][value='2004']");
        await p.WaitForFunctionAsync("() => (document.getElementById('cbi-launch') || {}).textContent?.includes('SCORM 2004, normal mode')", null, new() { Timeout = Seconds });
        await PlayerFrameAsync(p);
        await Cell(p, "cmi.completion_status", "incomplete");
        await p.SelectOptionAsync("select[name=mode]", "browse");
        await p.WaitForFunctionAsync("() => (document.getElementById('cbi-launch') || {}).textContent?.includes('SCORM 2004, browse mode')", null, new() { Timeout = Seconds });
        await PlayerFrameAsync(p);
        Assert.Equal("browse", await p.EvaluateAsync<string>("() => cbInspector.api.cmi.mode"));
        Assert.True(s.Problems.All(m => m.Contains("LMSCommit") || m.Contains("saving")), string.Join("\n", s.Problems));
    }

    private static async Task<IFrame> PlayerFrameAsync(IPage page)
    {
        var handle = await page.WaitForSelectorAsync("#cbi-sco", new() { Timeout = Seconds });
        var frame = (await handle!.ContentFrameAsync())!;
        await frame.WaitForFunctionAsync("() => !!window.CBPlayer", null, new() { Timeout = Seconds });
        return frame;
    }

    private static Task Cell(IPage page, string element, string value) =>
        page.Locator($"#cbi-cmi tr[data-element='{element}'] td:last-child").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(value) + "$") })
            .WaitForAsync(new() { Timeout = Seconds });
}
