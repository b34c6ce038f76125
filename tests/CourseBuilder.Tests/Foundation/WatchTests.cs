using System.Collections.Concurrent;
using CourseBuilder.Build;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

public sealed class WatchTests
{
    [Fact]
    public async Task WatchRebuildsOnSaveReportsErrorsAndKeepsTheLastGoodOutput()
    {
        using var temp = new TempDir("watch");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var output = temp.Sub("out");
        var results = new BlockingCollection<BuildResult>();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var watcher = new BuildWatcher(new BuildOptions(content, output, [OutputFormat.Html]), TimeSpan.FromMilliseconds(100));
        var running = Task.Run(() => watcher.RunAsync(results.Add, ex => throw ex, cancellation.Token));

        BuildResult Next() => results.TryTake(out var r, 60_000, cancellation.Token) ? r : throw new TimeoutException("no rebuild");

        Assert.True(Next().Succeeded);
        var page = Path.Combine(output, "html/modules/more/index.html");
        Assert.Contains("Just text.", File.ReadAllText(page));

        var lesson = Path.Combine(content, "modules/02-more/01-only.md");
        File.WriteAllText(lesson, "---\ntitle: The only lesson\n---\n\n![](missing.png)\n");
        var broken = Next();
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Code == "CB0041");
        Assert.Contains("Just text.", File.ReadAllText(page));

        File.WriteAllText(lesson, "---\ntitle: The only lesson\n---\n\nEdited text.\n");
        var fixedResult = Next();
        while (!fixedResult.Succeeded) fixedResult = Next();
        Assert.Contains("Edited text.", File.ReadAllText(page));

        cancellation.Cancel();
        await running;
    }
}
