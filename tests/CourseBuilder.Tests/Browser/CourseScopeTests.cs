namespace CourseBuilder.Tests.Browser;

/// <summary>The whole-course package: passed only when every module quiz is passed; the score is their mean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CourseScopeTests(BrowserFixture fixture)
{
    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task The_course_result_waits_for_every_quiz_and_scores_their_mean(string version)
    {
        var (root, launch) = fixture.Package(version, null);
        await using var p = await CoursePage.OpenAsync(fixture, root, launch, new LmsOptions(version));
        var data = await p.DataAsync();
        await p.GoToQuizAsync();
        await p.StartQuizAsync();
        foreach (var id in await p.DrawnAsync()) await p.AnswerAsync(id, CoursePage.CorrectKeys(data, id));
        await p.SubmitAsync();
        // One quiz of two submitted: no score and no pass/fail yet.
        Assert.DoesNotContain(await p.CallsAsync(), c => c.A.Contains(".score.") || c.B is "passed" or "failed");

        await p.NextAsync();
        await p.GoToQuizAsync();
        await p.StartQuizAsync();
        // Choice a of every big-module question is wrong.
        await p.Frame.EvaluateAsync("() => document.querySelectorAll('.cb-page:not([hidden]) .cb-quiz__attempt form').forEach(f => f.querySelector('input[value=a]').click())");
        await p.SubmitAsync();
        Assert.Equal("0%", await p.ResultScoreAsync());

        var cmi = await p.CmiAsync();
        var core = version == "2004" ? cmi : cmi["core"]!;
        Assert.Equal("50", (string?)core["score"]!["raw"]);
        Assert.Equal("failed", (string?)(version == "2004" ? cmi["success_status"] : core["lesson_status"]));
        p.AssertClean();
    }
}
