namespace CourseBuilder.Tests.Browser;

/// <summary>
/// The whole-course package: one rule in the player and the manifests. The course score is the mean
/// of the module quizzes' best scores; passed when it reaches course.yml's pass mark (80 here).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CourseScopeTests(BrowserFixture fixture)
{
    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task The_course_passes_on_the_mean_of_unequal_module_scores_in_the_player_and_the_LMS(string version)
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
        // Choice b of every big-module question is right, a wrong: 70 of 100 right.
        await p.Frame.EvaluateAsync("() => document.querySelectorAll('.cb-page:not([hidden]) .cb-quiz__attempt form').forEach((f, i) => f.querySelector(i < 70 ? 'input[value=b]' : 'input[value=a]').click())");
        await p.SubmitAsync();
        Assert.Equal("70%", await p.ResultScoreAsync());
        // The module quiz alone is not passed (80), the course is: (100 + 70) / 2 = 85.
        Assert.Equal("Not passed", await p.Frame.InnerTextAsync(".cb-page:not([hidden]) .cb-result__verdict"));
        Assert.Equal("Course result: 85%, the mean of the module quizzes' best scores: passed. The course pass mark is 80%.",
            await p.Frame.InnerTextAsync(".cb-page:not([hidden]) .cb-quiz__course"));

        var cmi = await p.CmiAsync();
        var core = version == "2004" ? cmi : cmi["core"]!;
        Assert.Equal("85", (string?)core["score"]!["raw"]);
        if (version == "2004")
        {
            Assert.Equal("0.85", (string?)cmi["score"]!["scaled"]);
            Assert.Equal("completed", (string?)cmi["completion_status"]);
            Assert.Equal("passed", (string?)cmi["success_status"]);
        }
        else Assert.Equal("passed", (string?)core["lesson_status"]);
        p.AssertClean();
    }
}
