using CourseBuilder.Tests.Browser;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CourseBuilder.Tests.Analysis;

/// <summary>axe on the item-analysis report, opened from disk in Debian's chromium (it needs no build of the course).</summary>
public sealed class ReportAccessibilityTests : IClassFixture<AnalysisFixture>
{
    private readonly AnalysisFixture _fixture;

    public ReportAccessibilityTests(AnalysisFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task AxeFindsNoViolationsAndTheChartsHaveNames()
    {
        var run = _fixture.Analyze(outDir: _fixture.Scratch("axe"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFixture.Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
        var page = await browser.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(run.ReportPath!).AbsoluteUri);

        var result = await page.RunAxe();
        Assert.Contains(result.Passes, r => r.Id == "color-contrast");
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        var names = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('svg[role=img]')].map(s => s.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' | '))");
        Assert.Equal(5, names.Length);
        Assert.StartsWith("Score distribution, module 1 | Number of attempts per score band: 0–9 %: 1;", names[0]);
        Assert.All(requests, url => Assert.StartsWith("file://", url));   // nothing but the page itself
    }
}
