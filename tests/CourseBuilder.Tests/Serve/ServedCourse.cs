using CourseBuilder.Serve;
using CourseBuilder.Tests.Browser;
using CourseBuilder.Tests.Support;
using Microsoft.Playwright;

namespace CourseBuilder.Tests.Serve;

/// <summary>
/// A <see cref="DevServer"/> on a free port over a copy of a course, its builds in the same
/// temporary folder, and a browser page that records console errors (a CSP violation is one).
/// </summary>
public sealed class ServedCourse : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(5));
    private Task _running = Task.CompletedTask;
    public TempDir Temp { get; } = new("serve");
    public string Content => Temp.Sub("content");
    public string Output => Temp.Sub("out");
    public DevServer Server { get; private set; } = null!;
    public IBrowserContext Context { get; private set; } = null!;
    public IPage Page { get; private set; } = null!;
    public List<string> Problems { get; } = [];

    /// <param name="writeContent">Writes the course into the folder it is given.</param>
    public static async Task<ServedCourse> StartAsync(BrowserFixture fixture, Action<string> writeContent, int width = 1280, int height = 900)
    {
        var served = new ServedCourse();
        writeContent(served.Content);
        return await served.StartAsync(fixture, width, height);
    }

    private async Task<ServedCourse> StartAsync(BrowserFixture fixture, int width, int height)
    {
        Server = new DevServer(Content, 0, outputDirectory: Output, scormAgainDirectory: fixture.HarnessDist, quietPeriod: TimeSpan.FromMilliseconds(100));
        _running = Server.RunAsync(_stop.Token);
        await WaitForAsync(() => Server.Status.Good > 0, "the first build");
        Context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, ReducedMotion = ReducedMotion.Reduce });
        Page = await Context.NewPageAsync();
        Page.Console += (_, m) => { if (m.Type == "error") Problems.Add("console error: " + m.Text); };
        Page.PageError += (_, e) => Problems.Add("page error: " + e);
        return this;
    }

    public string Url(string path) => new Uri(Server.Address, path).ToString();

    public static async Task WaitForAsync(Func<bool> condition, string what, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited {seconds} s for {what}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Context is not null) await Context.CloseAsync();
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        Server?.Dispose();
        Temp.Dispose();
    }
}
