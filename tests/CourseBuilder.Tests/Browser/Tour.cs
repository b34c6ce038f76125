using System.Text.Json;

namespace CourseBuilder.Tests.Browser;

/// <summary>
/// Walks every page of a player with Next, in each state a learner sees: a lesson before and
/// after its knowledge checks are answered (reveals open), the quiz intro, an attempt and the results.
/// </summary>
public static class Tour
{
    public static async Task RunAsync(CoursePage p, Func<string, Task> check)
    {
        var data = await p.DataAsync();
        var total = data.GetProperty("modules").EnumerateArray().Sum(m => m.GetProperty("pages").GetArrayLength());
        for (var i = 0; i < total; i++)
        {
            if (i > 0) await p.NextAsync();
            var id = await p.CurrentPageAsync();
            if (!await IsQuizAsync(p))
            {
                await check($"{id} before answering");
                var interactive = await p.Frame.EvaluateAsync<int>("""
                    () => {
                      const page = document.querySelector('.cb-page:not([hidden])');
                      page.querySelectorAll('details').forEach(d => d.open = true);
                      const forms = page.querySelectorAll('form.cb-question--check');
                      forms.forEach(f => { f.querySelector('input').click(); f.querySelector('button[type=submit]').click(); });
                      return forms.length + page.querySelectorAll('details').length;
                    }
                    """);
                if (interactive > 0) await check($"{id} after feedback");
                continue;
            }
            await check($"{id} quiz intro");
            await p.StartQuizAsync();
            await check($"{id} quiz attempt");
            await p.Frame.EvaluateAsync("() => document.querySelectorAll('.cb-page:not([hidden]) .cb-quiz__attempt form').forEach(f => f.querySelector('input').click())");
            await p.SubmitAsync();
            await check($"{id} quiz results");
        }
    }

    public static Task<bool> IsQuizAsync(CoursePage p) =>
        p.Frame.EvaluateAsync<bool>("() => document.querySelector('.cb-page:not([hidden])').classList.contains('cb-page--quiz')");

    /// <summary>The first module of the bundled course with a graded quiz (or the first module).</summary>
    public static string ModuleWithQuiz(BrowserFixture fixture)
    {
        foreach (var module in fixture.BundledModules)
        {
            var html = File.ReadAllText(Path.Combine(fixture.BundledHtml, "modules", module, "index.html"));
            if (html.Contains("cb-page--quiz")) return module;
        }
        return fixture.BundledModules[0];
    }

    public static int PageCount(JsonElement data) =>
        data.GetProperty("modules").EnumerateArray().Sum(m => m.GetProperty("pages").GetArrayLength());
}
