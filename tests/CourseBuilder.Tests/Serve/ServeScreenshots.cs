using CourseBuilder.Tests.Browser;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Serve;

/// <summary>
/// Screenshots of <c>coursebuilder serve</c> for review, into screenshots/ (git-ignored): the LMS
/// inspector after a few pages, and the error overlay over the last good build. Run with the
/// player's screenshots by <c>dotnet test tests/CourseBuilder.Tests --filter FullyQualifiedName~Screenshots</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServeScreenshots(BrowserFixture fixture)
{
    [Fact]
    public async Task Screenshots_of_the_LMS_inspector_and_the_error_overlay()
    {
        var dir = Path.Combine(fixture.RepoRoot, "screenshots");
        Directory.CreateDirectory(dir);
        await using var s = await ServedCourse.StartAsync(fixture, TestCourse.Write, width: 1440, height: 900);
        var p = s.Page;
        await p.GotoAsync(s.Url($"/inspect/{TestCourse.Basics}/"));
        var frame = (await (await p.WaitForSelectorAsync("#cbi-sco"))!.ContentFrameAsync())!;
        await frame.WaitForFunctionAsync("() => !!window.CBPlayer");
        await frame.ClickAsync("#cb-next");
        await p.Locator("#cbi-cmi tr[data-element='cmi.suspend_data']").WaitForAsync();
        var inspector = Path.Combine(dir, "serve-inspector.png");
        await p.ScreenshotAsync(new() { Path = inspector });

        var lesson = Directory.GetFiles(Path.Combine(s.Content, "modules", "01-basics"), "01-*.md").Single();
        await File.AppendAllTextAsync(lesson, "\n![](missing-figure.png)\n\n::: question id=broken\nNo choices here.\n:::\n");
        await p.GotoAsync(s.Url($"/modules/{TestCourse.Basics}/"));
        await p.Locator("#cbs-overlay").WaitForAsync(new() { Timeout = 90_000 });
        var overlay = Path.Combine(dir, "serve-error-overlay.png");
        await p.ScreenshotAsync(new() { Path = overlay });

        Assert.True(new FileInfo(inspector).Length > 10_000, "the inspector screenshot is empty");
        Assert.True(new FileInfo(overlay).Length > 10_000, "the overlay screenshot is empty");
    }
}
