using System.Text.Json.Nodes;

namespace CourseBuilder.Tests.Browser;

/// <summary>
/// Quiz attempts and launch modes as an LMS sees them (docs/runtime.md, "SCORM mapping"): the LMS
/// attempt stays open while quiz attempts remain, the final result, coming back, browse and review
/// launches, the SCORM 1.2 outcome option and saved state that cannot be trusted. Helpers are in
/// ScormTests.cs.
/// </summary>
public sealed partial class ScormTests
{
    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task A_failed_attempt_with_attempts_left_keeps_the_LMS_attempt_open_and_a_retake_can_pass(string version)
    {
        await using var p = await Open(version);
        await p.GoToQuizAsync();
        await p.StartQuizAsync();
        await AnswerAll(p, id => id == "b-q1");
        await p.SubmitAsync();
        Assert.Equal("33%", await p.ResultScoreAsync());
        Assert.Contains("Not passed", await p.Frame.InnerTextAsync(".cb-result__verdict"));
        Assert.Equal("Attempts used: 1 of 2 · left: 1", await p.Frame.InnerTextAsync(".cb-page:not([hidden]) .cb-result__attempts"));
        // Default review policy (feedback, after-pass-or-last): items and feedback, no correct answers yet.
        Assert.Equal(3, await p.Frame.Locator(".cb-page:not([hidden]) .cb-quiz__results .cb-question__number--wrong, .cb-page:not([hidden]) .cb-quiz__results .cb-question__number--right").CountAsync());
        Assert.Equal(0, await p.Frame.Locator(".cb-page:not([hidden]) .cb-choice--key").CountAsync());
        Assert.Contains("once you pass or have used your last attempt", await p.Frame.InnerTextAsync(".cb-page:not([hidden]) .cb-quiz__results"));

        var cmi = await p.CmiAsync();
        if (version == "2004")
        {
            Assert.Equal("incomplete", (string?)cmi["completion_status"]);
            Assert.Equal("unknown", (string?)cmi["success_status"]);
        }
        else Assert.Equal("incomplete", (string?)cmi["core"]!["lesson_status"]);
        var calls = await p.CallsAsync();
        Assert.DoesNotContain(calls, c => c.A.Contains(".score."));
        Assert.Equal("suspend", calls.Last(c => c.A.EndsWith(".exit")).B);
        Assert.DoesNotContain(calls, c => c.Fn == (version == "2004" ? "Terminate" : "LMSFinish"));
        var wrong = Interactions(cmi).Where(i => (string)i["result"]! != "correct").ToList();
        Assert.Equal(2, wrong.Count);
        Assert.All(wrong, i => Assert.Equal(version == "2004" ? "incorrect" : "wrong", (string?)i["result"]));

        await p.Frame.ClickAsync("text=Start a new attempt");
        await AnswerAll(p, _ => true);
        await p.SubmitAsync();
        cmi = await p.CmiAsync();
        Assert.Equal("100", (string?)Core(cmi, version)["score"]!["raw"]);
        if (version == "2004")
        {
            Assert.Equal("completed", (string?)cmi["completion_status"]);
            Assert.Equal("passed", (string?)cmi["success_status"]);
            Assert.Equal("1", (string?)cmi["score"]!["scaled"]);
        }
        else Assert.Equal("passed", (string?)cmi["core"]!["lesson_status"]);
        var ids = Interactions(cmi).Select(i => (string)i["id"]!).ToList();
        Assert.Equal(6, ids.Distinct().Count());
        Assert.Equal(3, ids.Count(id => id.EndsWith("_a2")));
        // Passed: the correct answers are revealed.
        Assert.True(await p.Frame.Locator(".cb-page:not([hidden]) .cb-choice--key").CountAsync() > 0);
        p.AssertClean();
    }

    [Fact]
    public async Task With_scorm12_outcome_completed_incomplete_a_final_pass_is_reported_as_completed()
    {
        // The same package with course.yml's scorm12-outcome: completed-incomplete in its player data.
        var (root, launch) = fixture.Package("1.2", TestCourse.Basics);
        var copy = Path.Combine(Path.GetTempPath(), "cb-outcome-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var page = Path.Combine(copy, launch);
        var html = File.ReadAllText(page);
        Assert.Contains("\"scorm12Outcome\":\"passed-failed\"", html);
        File.WriteAllText(page, html.Replace("\"scorm12Outcome\":\"passed-failed\"", "\"scorm12Outcome\":\"completed-incomplete\""));
        try
        {
            await using var p = await CoursePage.OpenAsync(fixture, copy, launch, new LmsOptions("1.2"));
            await p.GoToQuizAsync();
            await p.StartQuizAsync();
            await AnswerAll(p, id => id == "b-q1");
            await p.SubmitAsync();
            Assert.Equal("incomplete", (string?)(await p.CmiAsync())["core"]!["lesson_status"]);
            await p.Frame.ClickAsync("text=Start a new attempt");
            await AnswerAll(p, _ => true);
            await p.SubmitAsync();
            var cmi = await p.CmiAsync();
            Assert.Equal("completed", (string?)cmi["core"]!["lesson_status"]);
            Assert.Equal("100", (string?)cmi["core"]!["score"]!["raw"]);
            p.AssertClean();
        }
        finally
        {
            Directory.Delete(copy, true);
        }
    }

    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task After_re_entry_the_learner_retakes_and_the_last_attempt_reports_the_final_failure(string version)
    {
        JsonObject stored;
        {
            await using var p = await Open(version);
            await p.GoToQuizAsync();
            await p.StartQuizAsync();
            await AnswerAll(p, _ => false);
            await p.SubmitAsync();
            await p.LeaveAsync();
            var cmi = await p.CmiAsync();
            Assert.Equal("incomplete", (string?)(version == "2004" ? cmi["completion_status"] : cmi["core"]!["lesson_status"]));
            if (version == "2004") Assert.Equal("unknown", (string?)cmi["success_status"]);
            Assert.Equal("suspend", (await p.CallsAsync()).Last(c => c.A.EndsWith(".exit")).B);
            stored = ResumeData(cmi, version);
        }

        await using var again = await Open(version, cmi: stored);
        Assert.Equal("0%", await again.ResultScoreAsync());
        await again.Frame.ClickAsync("text=Start a new attempt");
        Assert.Equal("Attempt 2 of 2", await again.Frame.InnerTextAsync(".cb-quiz__attempt .cb-quiz__heading"));
        await AnswerAll(again, id => id == "b-q1");
        await again.SubmitAsync();
        Assert.Equal("Attempts used: 2 of 2 · left: 0", await again.Frame.InnerTextAsync(".cb-page:not([hidden]) .cb-result__attempts"));
        Assert.Contains("You have used all your attempts. Your best score, 33%, is your result.", await again.Frame.InnerTextAsync(".cb-quiz__results"));
        // The last attempt is used: the correct answers are revealed.
        Assert.True(await again.Frame.Locator(".cb-page:not([hidden]) .cb-choice--key").CountAsync() > 0);

        var final = await again.CmiAsync();
        Assert.Equal("33", (string?)Core(final, version)["score"]!["raw"]);
        if (version == "2004")
        {
            Assert.Equal("completed", (string?)final["completion_status"]);
            Assert.Equal("failed", (string?)final["success_status"]);
            Assert.Equal("0.33", (string?)final["score"]!["scaled"]);
        }
        else Assert.Equal("failed", (string?)final["core"]!["lesson_status"]);
        var calls = await again.CallsAsync();
        Assert.Equal("suspend", calls.Last(c => c.A.EndsWith(".exit")).B);
        Assert.Single(calls, c => c.Fn == (version == "2004" ? "Terminate" : "LMSFinish"));
        again.AssertClean();
    }

    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task Coming_back_after_a_pass_in_review_mode_shows_the_result_and_writes_nothing(string version)
    {
        JsonObject stored;
        {
            await using var p = await Open(version);
            await p.GoToQuizAsync();
            await p.StartQuizAsync();
            await AnswerAll(p, _ => true);
            await p.SubmitAsync();
            stored = ResumeData(await p.CmiAsync(), version);
        }
        // Moodle relaunches a finished attempt in review mode (scorm_check_mode), with no credit.
        if (version == "2004") { stored["mode"] = "review"; stored["credit"] = "no-credit"; }
        else { stored["core"]!["lesson_mode"] = "review"; stored["core"]!["credit"] = "no-credit"; }

        await using var again = await Open(version, cmi: stored);
        Assert.Equal("100%", await again.ResultScoreAsync());
        await Microsoft.Playwright.Assertions.Expect(again.Frame.Locator("#cb-notice"))
            .ToContainTextAsync("Review mode: nothing you do here is recorded. Your result, 100%, is recorded: passed.");
        Assert.True(await again.Frame.Locator(".cb-page:not([hidden]) .cb-choice--key").CountAsync() > 0);
        Assert.Equal(0, await again.Frame.Locator(".cb-page:not([hidden]) .cb-quiz button").CountAsync());
        await again.LeaveAsync();
        Assert.DoesNotContain(await again.CallsAsync(), c => c.Fn.EndsWith("SetValue") || c.Fn.EndsWith("Commit"));
        again.AssertClean();
    }

    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task A_browse_launch_lets_the_learner_try_the_quiz_and_writes_no_score_and_no_status(string version)
    {
        var cmi = version == "2004" ? new JsonObject { ["mode"] = "browse", ["credit"] = "no-credit" }
            : new JsonObject { ["core"] = new JsonObject { ["lesson_mode"] = "browse", ["credit"] = "no-credit" } };
        await using var p = await Open(version, cmi: cmi);
        await Microsoft.Playwright.Assertions.Expect(p.Frame.Locator("#cb-notice")).ToContainTextAsync("This launch does not count (browse mode)");
        await p.GoToQuizAsync();
        await p.StartQuizAsync();
        await AnswerAll(p, _ => true);
        await p.SubmitAsync();
        Assert.Equal("100%", await p.ResultScoreAsync());
        await p.LeaveAsync();
        var calls = await p.CallsAsync();
        Assert.DoesNotContain(calls, c => c.Fn.EndsWith("SetValue") || c.Fn.EndsWith("Commit"));
        Assert.Single(calls, c => c.Fn == (version == "2004" ? "Terminate" : "LMSFinish"));
        p.AssertClean();
    }

    [Theory]
    // The passed flag is set, but the best score (35) is below the pass mark (80).
    [InlineData("1~2~7~1~0~1.z.3.1.111")]
    // Not this format at all.
    [InlineData("{\"page\":2}")]
    public async Task Saved_state_that_contradicts_itself_or_does_not_decode_starts_over_with_a_notice(string suspendData)
    {
        var cmi = new JsonObject { ["suspend_data"] = suspendData, ["core"] = new JsonObject { ["lesson_status"] = "incomplete", ["entry"] = "resume" } };
        await using var p = await Open("1.2", cmi: cmi);
        await Microsoft.Playwright.Assertions.Expect(p.Frame.Locator("#cb-notice"))
            .ToContainTextAsync("Your saved progress in this module could not be read, so it starts again from the beginning.");
        Assert.Equal(0, await p.Frame.EvaluateAsync<int>("() => CBPlayer.state().quizzes[0].attemptsStarted"));
        Assert.StartsWith("1~0~", await p.Frame.EvaluateAsync<string>("() => CBPlayer.encode()"));
        p.AssertClean();
    }

    [Fact]
    public async Task The_same_state_without_the_false_passed_flag_resumes_without_a_notice()
    {
        var cmi = new JsonObject { ["suspend_data"] = "1~2~7~1~0~1.z.2.1.111", ["core"] = new JsonObject { ["lesson_status"] = "incomplete", ["entry"] = "resume" } };
        await using var p = await Open("1.2", cmi: cmi);
        Assert.Equal(35, await p.Frame.EvaluateAsync<int>("() => CBPlayer.state().quizzes[0].bestScore"));
        Assert.Equal(0, await p.Frame.Locator("[data-notice=state]").CountAsync());
        Assert.Equal("Not passed yet", await p.Frame.InnerTextAsync(".cb-toc__item:last-child .cb-toc__state"));
        p.AssertClean();
    }
}
