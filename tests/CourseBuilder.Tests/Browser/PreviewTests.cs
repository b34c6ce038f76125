namespace CourseBuilder.Tests.Browser;

/// <summary>Without an LMS: preview mode, progress and reflections kept in this browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Preview_mode_says_so_and_resumes_from_localStorage_with_the_reflection()
    {
        var (root, launch) = fixture.Package("2004", TestCourse.Basics);
        await using var p = await CoursePage.OpenAsync(fixture, root, launch);
        await Microsoft.Playwright.Assertions.Expect(p.Frame.Locator("#cb-notice")).ToContainTextAsync("Preview mode");
        await p.Frame.FillAsync(".cb-reflection textarea", "My private thought");
        await p.NextAsync();
        var page = await p.CurrentPageAsync();
        await p.Page.ReloadAsync();
        await p.Frame.WaitForFunctionAsync("() => !!window.CBPlayer");
        Assert.Equal(page, await p.CurrentPageAsync());
        Assert.Equal("My private thought", await p.Frame.InputValueAsync(".cb-reflection textarea"));
        Assert.Equal(2, await p.Frame.Locator(".cb-toc__item--visited, .cb-toc__item--done, .cb-toc__item--current").CountAsync());
        p.AssertClean();
    }

    [Fact]
    public async Task The_quiz_stays_locked_until_every_lesson_is_visited_and_the_accent_comes_from_course_yml()
    {
        var (root, launch) = fixture.Package("1.2", TestCourse.Basics);
        await using var p = await CoursePage.OpenAsync(fixture, root, launch);
        // course.yml's accent (#8a1538), written into player.css by the build.
        Assert.Equal("rgb(138, 21, 56)", await p.Frame.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.cb-progress__fill')).backgroundColor"));
        await p.Frame.ClickAsync(".cb-toc__item:last-child a");
        Assert.True(await Tour.IsQuizAsync(p));
        await Microsoft.Playwright.Assertions.Expect(p.Frame.Locator(".cb-quiz__lock")).ToContainTextAsync("Second lesson");
        Assert.Equal(0, await p.Frame.Locator(".cb-page:not([hidden]) .cb-quiz button").CountAsync());
        Assert.Equal("Locked", await p.Frame.InnerTextAsync(".cb-toc__item:last-child .cb-toc__state"));
        await p.Frame.ClickAsync("#cb-prev");
        await p.Frame.ClickAsync("#cb-next");
        await p.StartQuizAsync();
        p.AssertClean();
    }
}
