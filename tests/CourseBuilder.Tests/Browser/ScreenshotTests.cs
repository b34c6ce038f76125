namespace CourseBuilder.Tests.Browser;

/// <summary>
/// Writes screenshots for review into screenshots/ (git-ignored) at 320 and 1280 px: a lesson,
/// a knowledge check showing feedback, the quiz intro and attempt, and the quiz results. Run alone with
/// <c>dotnet test tests/CourseBuilder.Tests --filter FullyQualifiedName~Screenshots</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    [Theory, InlineData(320, 640), InlineData(1280, 900)]
    public async Task Screenshots_of_a_lesson_a_knowledge_check_and_quiz_results(int width, int height)
    {
        var dir = Path.Combine(fixture.RepoRoot, "screenshots");
        Directory.CreateDirectory(dir);
        var module = Tour.ModuleWithQuiz(fixture);
        await using var p = await CoursePage.OpenAsync(fixture, fixture.BundledHtml, $"modules/{module}/index.html", width: width, height: height);
        await p.Page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"lesson-{width}.png") });

        var shotCheck = false;
        while (!await Tour.IsQuizAsync(p))
        {
            var form = p.Frame.Locator(".cb-page:not([hidden]) form.cb-question--check").First;
            if (!shotCheck && await form.CountAsync() > 0)
            {
                await form.Locator("input").First.CheckAsync();
                await form.Locator("button[type=submit]").ClickAsync();
                await form.Locator(".cb-question__status").WaitForAsync();
                await form.ScreenshotAsync(new() { Path = Path.Combine(dir, $"knowledge-check-{width}.png") });
                shotCheck = true;
            }
            if (await p.Frame.EvaluateAsync<bool>("() => document.getElementById('cb-next').disabled")) break;
            await p.NextAsync();
        }
        Assert.True(shotCheck, "the module has no knowledge check to photograph");
        if (!await Tour.IsQuizAsync(p)) return; // content without a graded quiz yet: nothing more to show
        await p.Page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"quiz-intro-{width}.png") });
        await p.StartQuizAsync();
        await p.Page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"quiz-attempt-{width}.png") });
        await p.Frame.EvaluateAsync("() => document.querySelectorAll('.cb-page:not([hidden]) .cb-quiz__attempt form').forEach(f => f.querySelector('input').click())");
        await p.SubmitAsync();
        var results = await p.Page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"quiz-results-{width}.png"), FullPage = true });
        // What the pictures are for: the results page shows a score, and nothing is wider than the
        // viewport (a PNG's width is the big-endian number at bytes 16-19 of its IHDR chunk).
        Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(results.AsSpan(16, 4)));
        Assert.Matches(@"\d+%", await p.Frame.Locator(".cb-page:not([hidden])").First.InnerTextAsync());
        p.AssertClean();
    }
}
