using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CourseBuilder.Tests.Browser;

/// <summary>What the harness LMS does: the SCORM version, CMI data to resume from, and a call to refuse ("Commit" or "SetValue:cmi.suspend_data").</summary>
public sealed record LmsOptions(string Version, JsonObject? Cmi = null, string? Refuse = null);

/// <summary>One SCORM call the package made, as the harness recorded it.</summary>
public sealed record LmsCall(string Fn, string A, string? B, string R);

/// <summary>
/// A player page in its own browser context, served from disk by Playwright routing at
/// http://lms.test/: either framed by a harness LMS page (scorm-again) or alone (preview mode).
/// Records console errors, page errors and any request that leaves the package or harness.
/// </summary>
public sealed class CoursePage : IAsyncDisposable
{
    public const string Origin = "http://lms.test";
    public IBrowserContext Context { get; private init; } = null!;
    public IPage Page { get; private init; } = null!;
    public IFrame Frame { get; private set; } = null!;
    public LmsOptions? Lms { get; private init; }
    public List<string> Problems { get; } = [];

    public static async Task<CoursePage> OpenAsync(BrowserFixture fixture, string htmlRoot, string pagePath,
        LmsOptions? lms = null, int width = 1280, int height = 900, bool reducedMotion = true)
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
        });
        var page = await context.NewPageAsync();
        var session = new CoursePage { Context = context, Page = page, Lms = lms };
        page.Console += (_, m) => { if (m.Type == "error") session.Problems.Add("console error: " + m.Text); };
        page.PageError += (_, e) => session.Problems.Add("page error: " + e);
        await context.RouteAsync("**/*", route => session.Serve(route, fixture, htmlRoot, pagePath));

        if (lms is null)
        {
            await page.GotoAsync($"{Origin}/pkg/{pagePath}");
            session.Frame = page.MainFrame;
        }
        else
        {
            await page.GotoAsync($"{Origin}/lms.html");
            var frame = await page.WaitForSelectorAsync("#sco");
            session.Frame = (await frame!.ContentFrameAsync())!;
        }
        await session.Frame.WaitForFunctionAsync("() => !!window.CBPlayer");
        return session;
    }

    private async Task Serve(IRoute route, BrowserFixture fixture, string htmlRoot, string pagePath)
    {
        var url = new Uri(route.Request.Url);
        if (url.GetLeftPart(UriPartial.Authority) != Origin)
        {
            Problems.Add("request outside the package: " + route.Request.Url);
            await route.AbortAsync();
            return;
        }
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        string? file = null;
        if (path == "/lms.html" && Lms is not null)
        {
            await route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = HarnessHtml(pagePath) });
            return;
        }
        if (path.StartsWith("/harness/")) file = Path.Combine(fixture.HarnessDist, path["/harness/".Length..]);
        else if (path.StartsWith("/pkg/")) file = Path.GetFullPath(Path.Combine(htmlRoot, path["/pkg/".Length..]));
        if (path == "/favicon.ico") { await route.FulfillAsync(new() { Status = 204 }); return; }
        if (file is null || !File.Exists(file))
        {
            Problems.Add("missing file: " + route.Request.Url);
            await route.FulfillAsync(new() { Status = 404 });
            return;
        }
        await route.FulfillAsync(new() { ContentType = ContentType(file), BodyBytes = await File.ReadAllBytesAsync(file) });
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };

    private string HarnessHtml(string pagePath)
    {
        var cfg = new JsonObject { ["version"] = Lms!.Version, ["cmi"] = Lms.Cmi?.DeepClone(), ["refuse"] = Lms.Refuse };
        var script = Lms.Version == "2004" ? "scorm2004.js" : "scorm12.js";
        // Every API call is recorded (window.calls) so tests can check the exact values sent.
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
            <script src="/harness/{{script}}"></script></head>
            <body>
            <script>
            var cfg = {{cfg.ToJsonString()}};
            var api = cfg.version === '2004' ? new Scorm2004API({ logLevel: 4, autocommit: false }) : new Scorm12API({ logLevel: 4, autocommit: false });
            if (cfg.cmi) api.loadFromJSON(cfg.cmi);
            window.calls = [];
            ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'].forEach(function (fn) {
              if (!api[fn]) return;
              var real = api[fn].bind(api);
              api[fn] = function (a, b) {
                var refused = cfg.refuse && (cfg.refuse === fn || cfg.refuse === fn + ':' + a);
                var r = refused ? 'false' : real(a, b);
                window.calls.push({ fn: fn, a: String(a), b: b === undefined ? null : String(b), r: String(r) });
                return r;
              };
            });
            window[cfg.version === '2004' ? 'API_1484_11' : 'API'] = api;
            </script>
            <iframe id="sco" title="Course" src="/pkg/{{pagePath}}" style="width:100%;height:90vh;border:0"></iframe>
            </body></html>
            """;
    }

    // ---- Learner actions (in the player frame) ----

    public async Task<JsonElement> DataAsync() =>
        JsonDocument.Parse(await Frame.EvaluateAsync<string>("() => document.getElementById('cb-data').textContent")).RootElement;

    public Task<string> CurrentPageAsync() =>
        Frame.EvaluateAsync<string>("() => document.querySelector('.cb-page:not([hidden])').id");

    public async Task NextAsync()
    {
        var before = await CurrentPageAsync();
        await Frame.ClickAsync("#cb-next");
        await Frame.WaitForFunctionAsync("id => document.querySelector('.cb-page:not([hidden])').id !== id", before);
    }

    public async Task GoToQuizAsync()
    {
        while (!await Frame.EvaluateAsync<bool>("() => document.querySelector('.cb-page:not([hidden])').classList.contains('cb-page--quiz')"))
            await NextAsync();
    }

    public async Task StartQuizAsync()
    {
        await Frame.ClickAsync(".cb-page:not([hidden]) .cb-quiz button.cb-button--primary");
        await Frame.WaitForSelectorAsync(".cb-page:not([hidden]) .cb-quiz__attempt:not([hidden])");
    }

    public async Task<List<string>> DrawnAsync() =>
        [.. await Frame.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.cb-page:not([hidden]) .cb-quiz__attempt form.cb-question')].map(f => f.dataset.questionId)")];

    public async Task AnswerAsync(string questionId, IEnumerable<string> keys)
    {
        foreach (var key in keys)
            await Frame.CheckAsync($".cb-quiz__attempt form[data-question-id='{questionId}'] input[value='{key}']");
    }

    public async Task SubmitAsync()
    {
        await Frame.ClickAsync(".cb-page:not([hidden]) .cb-quiz__attempt button.cb-button--primary");
        await Frame.WaitForSelectorAsync(".cb-page:not([hidden]) .cb-quiz__results:not([hidden]) .cb-result__score");
    }

    public Task<string> ResultScoreAsync() => Frame.InnerTextAsync(".cb-page:not([hidden]) .cb-result__score");

    public static IEnumerable<JsonElement> Questions(JsonElement data) =>
        data.GetProperty("modules").EnumerateArray().Where(m => m.TryGetProperty("quiz", out _))
            .SelectMany(m => m.GetProperty("quiz").GetProperty("questions").EnumerateArray());

    public static List<string> CorrectKeys(JsonElement data, string questionId) =>
        [.. Questions(data).First(q => q.GetProperty("id").GetString() == questionId).GetProperty("choices").EnumerateArray()
            .Where(c => c.GetProperty("correct").GetBoolean()).Select(c => c.GetProperty("key").GetString()!)];

    public static List<string> WrongKeys(JsonElement data, string questionId) =>
        [Questions(data).First(q => q.GetProperty("id").GetString() == questionId).GetProperty("choices").EnumerateArray()
            .First(c => !c.GetProperty("correct").GetBoolean()).GetProperty("key").GetString()!];

    // ---- The LMS side ----

    public async Task<JsonObject> CmiAsync() =>
        JsonNode.Parse(await Page.EvaluateAsync<string>("() => JSON.stringify((window.API_1484_11 || window.API).cmi)"))!.AsObject();

    public async Task<List<LmsCall>> CallsAsync() =>
        JsonSerializer.Deserialize<List<LmsCall>>(await Page.EvaluateAsync<string>("() => JSON.stringify(window.calls)"),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    /// <summary>Removes the package's frame, as an LMS does when the learner leaves: pagehide fires in it.</summary>
    public async Task LeaveAsync()
    {
        await Page.EvaluateAsync("() => document.getElementById('sco').remove()");
    }

    public void AssertClean() => Assert.True(Problems.Count == 0, string.Join("\n", Problems));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
