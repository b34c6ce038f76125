using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace CourseBuilder.Tests.Browser;

/// <summary>The package's LMS behaviour against scorm-again, for each SCORM version (attempts and launch modes: ScormAttemptTests.cs).</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ScormTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private Task<CoursePage> Open(string version, string module = TestCourse.Basics, JsonObject? cmi = null, string? refuse = null)
    {
        var (root, launch) = fixture.Package(version, module);
        return CoursePage.OpenAsync(fixture, root, launch, new LmsOptions(version, cmi, refuse));
    }

    private static string Sep(string version) => version == "2004" ? "[,]" : ",";
    private static string Prefix(string version) => version == "2004" ? "" : "LMS";
    private static JsonNode Core(JsonObject cmi, string version) => version == "2004" ? cmi : cmi["core"]!;

    /// <summary>Answers the drawn questions: correct ones get the key, the rest a wrong choice.</summary>
    private static async Task<Dictionary<string, List<string>>> AnswerAll(CoursePage p, Func<string, bool> answerRight)
    {
        var data = await p.DataAsync();
        var answers = new Dictionary<string, List<string>>();
        foreach (var id in await p.DrawnAsync())
        {
            answers[id] = answerRight(id) ? CoursePage.CorrectKeys(data, id) : CoursePage.WrongKeys(data, id);
            await p.AnswerAsync(id, answers[id]);
        }
        return answers;
    }

    private static List<JsonObject> Interactions(JsonObject cmi) =>
        [.. cmi["interactions"]!.AsObject().OrderBy(kv => int.Parse(kv.Key)).Select(kv => kv.Value!.AsObject())];

    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task Answering_everything_correctly_passes_with_100_and_records_the_interactions(string version)
    {
        await using var p = await Open(version);
        await p.GoToQuizAsync();
        await p.StartQuizAsync();
        var answers = await AnswerAll(p, _ => true);
        await p.SubmitAsync();
        Assert.Equal("100%", await p.ResultScoreAsync());

        var cmi = await p.CmiAsync();
        var core = Core(cmi, version);
        if (version == "2004")
        {
            Assert.Equal("completed", (string?)cmi["completion_status"]);
            Assert.Equal("passed", (string?)cmi["success_status"]);
            Assert.Equal("1", (string?)cmi["score"]!["scaled"]);
        }
        else Assert.Equal("passed", (string?)core["lesson_status"]);
        Assert.Equal("100", (string?)core["score"]!["raw"]);
        Assert.Equal("0", (string?)core["score"]!["min"]);
        Assert.Equal("100", (string?)core["score"]!["max"]);

        var calls = await p.CallsAsync();
        var prefix = Prefix(version);
        Assert.Single(calls, c => c.Fn == prefix + "Initialize");
        Assert.Single(calls, c => c.Fn == (version == "2004" ? "Terminate" : "LMSFinish"));
        // Exit stays "suspend" even when finished, so the LMS hands the answers back for review.
        Assert.Equal("suspend", calls.Last(c => c.A.EndsWith(".exit")).B);
        var sessionTime = calls.Single(c => c.A.EndsWith("session_time")).B!;
        Assert.Matches(version == "2004" ? @"^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$" : @"^\d{4}:\d{2}:\d{2}\.\d{2}$", sessionTime);
        // No score before the quiz was submitted: every score write follows the first interaction.
        var firstInteraction = calls.FindIndex(c => c.A.StartsWith("cmi.interactions.0.id"));
        Assert.True(firstInteraction > 0);
        Assert.All(calls.Select((c, i) => (c, i)).Where(x => x.c.Fn.EndsWith("SetValue") && x.c.A.Contains(".score.")),
            x => Assert.True(x.i > firstInteraction, $"{x.c.A} written before the quiz was submitted"));
        Assert.All(calls.Where(c => c.Fn.EndsWith("SetValue")), c => Assert.Equal("true", c.R));

        var interactions = Interactions(cmi);
        Assert.Equal(answers.Count, interactions.Count);
        foreach (var (i, n) in interactions.Select((x, n) => (x, n)))
        {
            var id = (string)i["id"]!;
            Assert.EndsWith("_a1", id);
            var qid = id[..^3];
            var response = string.Join(Sep(version), answers[qid]);
            Assert.Equal("choice", (string?)i["type"]);
            Assert.Equal(response, (string?)i[version == "2004" ? "learner_response" : "student_response"]);
            Assert.Equal(response, (string?)i["correct_responses"]!["0"]!["pattern"]);
            Assert.Equal("correct", (string?)i["result"]);
            var latency = calls.Single(c => c.A == $"cmi.interactions.{n}.latency").B!;
            Assert.Matches(version == "2004" ? @"^PT" : @"^\d{4}:\d{2}:\d{2}$", latency);
            if (version == "2004")
            {
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", (string)i["timestamp"]!);
                Assert.False(string.IsNullOrEmpty((string?)i["description"]));
                Assert.Equal("1", (string?)i["weighting"]);
            }
        }
        p.AssertClean();
    }

    [Theory, InlineData("1.2", null), InlineData("2004", null)]
    [InlineData("1.2", "LMSGetValue:cmi.interactions._count"), InlineData("2004", "GetValue:cmi.interactions._count")]
    public async Task Relaunching_with_the_stored_data_resumes_page_answers_and_attempts_without_duplicate_interactions(string version, string? relaunchRefuses)
    {
        JsonObject stored;
        List<string> drawn, choiceOrder;
        string answered;
        string quizPage;
        {
            await using var p = await Open(version);
            await p.GoToQuizAsync();
            quizPage = await p.CurrentPageAsync();
            await p.StartQuizAsync();
            await AnswerAll(p, _ => false);
            await p.SubmitAsync();
            await p.Frame.ClickAsync("text=Start a new attempt");
            drawn = await p.DrawnAsync();
            answered = drawn[0];
            var data = await p.DataAsync();
            await p.AnswerAsync(answered, CoursePage.CorrectKeys(data, answered));
            choiceOrder = await ChoiceOrder(p);
            await p.LeaveAsync();
            var calls = await p.CallsAsync();
            Assert.Equal(version == "2004" ? "Terminate" : "LMSFinish", calls.Last().Fn);
            Assert.Equal("suspend", calls.Last(c => c.A.EndsWith(".exit")).B);
            var cmi = await p.CmiAsync();
            Assert.Equal(quizPage, (string?)(version == "2004" ? cmi["location"] : cmi["core"]!["lesson_location"]));
            stored = ResumeData(cmi, version);
            p.AssertClean();
        }

        // With relaunchRefuses the LMS lacks interactions._count: the count kept in suspend_data must do.
        await using var again = await Open(version, cmi: stored, refuse: relaunchRefuses);
        Assert.Equal(quizPage, await again.CurrentPageAsync());
        Assert.Equal("Attempt 2 of 2", await again.Frame.InnerTextAsync(".cb-quiz__attempt .cb-quiz__heading"));
        Assert.Equal(drawn, await again.DrawnAsync());
        Assert.Equal(choiceOrder, await ChoiceOrder(again));
        var checkedKeys = await again.Frame.EvaluateAsync<string[]>(
            "id => [...document.querySelectorAll(`.cb-quiz__attempt form[data-question-id='${id}'] input:checked`)].map(i => i.value)", answered);
        Assert.Equal(CoursePage.CorrectKeys(await again.DataAsync(), answered), checkedKeys.Order());
        Assert.Equal(2, await again.Frame.Locator(".cb-toc__item--done, .cb-toc__item--visited").CountAsync());

        var data2 = await again.DataAsync();
        foreach (var id in drawn.Skip(1)) await again.AnswerAsync(id, CoursePage.CorrectKeys(data2, id));
        await again.SubmitAsync();
        Assert.Equal("100%", await again.ResultScoreAsync());
        var ids = Interactions(await again.CmiAsync()).Select(i => (string)i["id"]!).ToList();
        Assert.Equal(6, ids.Count);
        Assert.Equal(6, ids.Distinct().Count());
        again.AssertClean();
    }

    private static Task<List<string>> ChoiceOrder(CoursePage p) =>
        p.Frame.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.cb-quiz__attempt .cb-choice')].map(c => c.closest('form').dataset.questionId + ':' + c.dataset.key)")
            .ContinueWith(t => t.Result.ToList());

    /// <summary>What an LMS gives back on relaunch after "suspend": the stored elements, with entry "resume".</summary>
    private static JsonObject ResumeData(JsonObject cmi, string version) => version == "2004"
        ? new JsonObject
        {
            ["suspend_data"] = cmi["suspend_data"]!.DeepClone(), ["location"] = cmi["location"]!.DeepClone(),
            ["completion_status"] = cmi["completion_status"]!.DeepClone(), ["success_status"] = cmi["success_status"]!.DeepClone(),
            ["entry"] = "resume", ["interactions"] = cmi["interactions"]!.DeepClone(),
        }
        : new JsonObject
        {
            ["suspend_data"] = cmi["suspend_data"]!.DeepClone(),
            ["core"] = new JsonObject
            {
                ["lesson_location"] = cmi["core"]!["lesson_location"]!.DeepClone(),
                ["lesson_status"] = cmi["core"]!["lesson_status"]!.DeepClone(), ["entry"] = "resume",
            },
            ["interactions"] = cmi["interactions"]!.DeepClone(),
        };

    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task Review_mode_writes_nothing_and_says_so(string version)
    {
        var cmi = version == "2004" ? new JsonObject { ["mode"] = "review" } : new JsonObject { ["core"] = new JsonObject { ["lesson_mode"] = "review" } };
        await using var p = await Open(version, TestCourse.Reading, cmi);
        await p.NextAsync();
        await p.LeaveAsync();
        await Microsoft.Playwright.Assertions.Expect(p.Page.Locator("#sco")).ToHaveCountAsync(0);
        var calls = await p.CallsAsync();
        Assert.DoesNotContain(calls, c => c.Fn.EndsWith("SetValue") || c.Fn.EndsWith("Commit"));
        Assert.Single(calls, c => c.Fn == (version == "2004" ? "Terminate" : "LMSFinish"));
        p.AssertClean();
    }

    [Theory, InlineData("1.2"), InlineData("2004")]
    public async Task A_module_without_a_quiz_completes_when_every_page_is_visited_and_writes_no_score(string version)
    {
        await using var p = await Open(version, TestCourse.Reading);
        await p.NextAsync();
        var cmi = await p.CmiAsync();
        if (version == "2004")
        {
            Assert.Equal("completed", (string?)cmi["completion_status"]);
            Assert.Equal("unknown", (string?)cmi["success_status"]);
        }
        else Assert.Equal("completed", (string?)cmi["core"]!["lesson_status"]);
        var calls = await p.CallsAsync();
        Assert.DoesNotContain(calls, c => c.A.Contains(".score."));
        Assert.Single(calls, c => c.Fn == (version == "2004" ? "Terminate" : "LMSFinish"));
        p.AssertClean();
    }

    [Theory]
    [InlineData("1.2", "LMSCommit"), InlineData("2004", "Commit")]
    [InlineData("1.2", "LMSSetValue:cmi.suspend_data"), InlineData("2004", "SetValue:cmi.suspend_data")]
    public async Task When_the_LMS_refuses_a_value_the_learner_is_warned_and_can_go_on(string version, string refuse)
    {
        await using var p = await Open(version, refuse: refuse);
        await p.NextAsync();
        var notice = p.Frame.Locator("#cb-notice");
        await Microsoft.Playwright.Assertions.Expect(notice).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(notice).ToContainTextAsync("progress may not be saved");
        Assert.Equal("status", await notice.GetAttributeAsync("role"));
        await p.GoToQuizAsync();
        await p.StartQuizAsync();
        await AnswerAll(p, _ => true);
        await p.SubmitAsync();
        Assert.Equal("100%", await p.ResultScoreAsync());
        p.AssertClean();
    }

    [Fact]
    public async Task Suspend_data_stays_within_the_SCORM_12_limit_for_60_pages_and_100_answered_questions()
    {
        await using var p = await Open("1.2", TestCourse.Big);
        var pages = (await p.DataAsync()).GetProperty("modules")[0].GetProperty("pages").GetArrayLength();
        Assert.Equal(60, pages);
        // Visit every page through the contents links, then answer every question.
        await p.Frame.EvaluateAsync("() => document.querySelectorAll('.cb-toc__link').forEach(a => a.click())");
        await p.StartQuizAsync();
        Assert.Equal(TestCourse.BigQuestions, (await p.DrawnAsync()).Count);
        await p.Frame.EvaluateAsync("() => document.querySelectorAll('.cb-quiz__attempt form').forEach(f => f.querySelectorAll('input')[1].click())");
        var suspend = (await p.CallsAsync()).Last(c => c.A == "cmi.suspend_data").B!;
        Assert.True(suspend.Length <= 4096, $"suspend_data is {suspend.Length} characters");
        Assert.Equal(60, await p.Frame.Locator(".cb-toc__item--visited, .cb-toc__item--done").CountAsync());
        await p.SubmitAsync();
        var final = (await p.CallsAsync()).Last(c => c.A == "cmi.suspend_data").B!;
        output.WriteLine($"suspend_data: {suspend.Length} characters answered, {final.Length} submitted");
        Assert.True(final.Length <= 4096, $"suspend_data is {final.Length} characters after submitting");
        p.AssertClean();
    }
}
