using Deque.AxeCore.Playwright;

namespace CourseBuilder.Tests.Browser;

/// <summary>Issue 4's checks on the bundled course: axe on every page and state, keyboard only, 320 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Axe_reports_no_violations_on_any_page_in_any_state()
    {
        var violations = new List<string>();
        var checkedStates = 0;
        async Task Check(CoursePage p, string state)
        {
            checkedStates++;
            var result = await p.Page.RunAxe();
            Assert.Contains(result.Passes, r => r.Id == "color-contrast");
            if (Environment.GetEnvironmentVariable("CB_AXE_INCOMPLETE") == "1")
                violations.AddRange(result.Incomplete.Select(v => $"INCOMPLETE {state}: {v.Id} {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
            // axe wants at least one h1; the player promises exactly one per visible page.
            var h1s = await p.Frame.EvaluateAsync<int>("() => [...document.querySelectorAll('h1')].filter(h => h.checkVisibility()).length");
            if (h1s != 1) violations.Add($"{state}: {h1s} visible h1 elements");
            violations.AddRange(result.Violations.Select(v =>
                $"{state}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }
        // Each module's player (what its package holds), page by page; the whole-course player shares
        // the markup, so its first page is checked for the course-only parts (module headings in the contents).
        foreach (var module in fixture.BundledModules)
        {
            await using var p = await CoursePage.OpenAsync(fixture, fixture.BundledHtml, $"modules/{module}/index.html");
            await Tour.RunAsync(p, state => Check(p, state));
            p.AssertClean();
        }
        await using (var course = await CoursePage.OpenAsync(fixture, fixture.BundledHtml, "course/index.html"))
        {
            await Check(course, "whole course, first page");
            course.AssertClean();
        }
        Assert.True(checkedStates > fixture.BundledModules.Count);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task No_page_scrolls_horizontally_at_320_by_640()
    {
        await using var p = await CoursePage.OpenAsync(fixture, fixture.BundledHtml, "course/index.html", width: 320, height: 640);
        var overflowing = new List<string>();
        const string Overflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";
        await p.Frame.ClickAsync(".cb-toc-toggle");
        if (await p.Frame.EvaluateAsync<int>(Overflow) > 0) overflowing.Add("contents open");
        await p.Frame.ClickAsync(".cb-toc-toggle");
        await Tour.RunAsync(p, async state =>
        {
            var excess = await p.Frame.EvaluateAsync<int>(Overflow);
            if (excess > 0) overflowing.Add($"{state}: {excess}px too wide");
        });
        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing));
        p.AssertClean();
    }

    [Fact]
    public async Task A_module_can_be_completed_with_Tab_Space_and_Enter_alone()
    {
        var module = Tour.ModuleWithQuiz(fixture);
        await using var p = await CoursePage.OpenAsync(fixture, fixture.BundledHtml, $"modules/{module}/index.html");
        var keyboard = p.Page.Keyboard;
        async Task TabTo(string predicate, string what)
        {
            for (var i = 0; i < 400; i++)
            {
                await keyboard.PressAsync("Tab");
                if (await p.Frame.EvaluateAsync<bool>(predicate)) return;
            }
            Assert.Fail("Tab never reached " + what);
        }

        var titles = new List<string> { await p.Page.TitleAsync() };
        while (!await Tour.IsQuizAsync(p))
        {
            var before = await p.CurrentPageAsync();
            if (await p.Frame.EvaluateAsync<bool>("() => document.getElementById('cb-next').disabled")) break;
            await TabTo("() => document.activeElement.id === 'cb-next'", "Next");
            await keyboard.PressAsync("Enter");
            Assert.NotEqual(before, await p.CurrentPageAsync());
            // Focus moves to the new page's heading.
            Assert.True(await p.Frame.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('.cb-page:not([hidden]) h1')"));
            titles.Add(await p.Page.TitleAsync());
        }
        Assert.Equal(titles.Count, titles.Distinct().Count());
        if (!await Tour.IsQuizAsync(p)) return; // a module without a quiz is complete once every page is seen

        await TabTo("() => document.activeElement.textContent === 'Start the quiz'", "the Start button");
        await keyboard.PressAsync("Enter");
        await p.Frame.WaitForSelectorAsync(".cb-page:not([hidden]) .cb-quiz__attempt:not([hidden])");
        for (var i = 0; i < 400; i++)
        {
            await keyboard.PressAsync("Tab");
            var action = await p.Frame.EvaluateAsync<string>("""
                () => {
                  const a = document.activeElement;
                  if (a.textContent === 'Submit answers') return 'submit';
                  if (a.matches('.cb-quiz__attempt input') && !a.closest('form').querySelector('input:checked')) return 'answer';
                  return '';
                }
                """);
            if (action == "answer") await keyboard.PressAsync("Space");
            if (action == "submit") { await keyboard.PressAsync("Enter"); break; }
        }
        await p.Frame.WaitForSelectorAsync(".cb-page:not([hidden]) .cb-quiz__results:not([hidden]) .cb-result__score");
        Assert.True(await p.Frame.EvaluateAsync<bool>("() => document.activeElement.textContent === 'Your result'"));
        p.AssertClean();
    }
}
