using System.Net;
using System.Net.Sockets;
using CourseBuilder.Cli;
using CourseBuilder.Tests.Support;
using static CourseBuilder.Tests.Support.InProcessCli;

namespace CourseBuilder.Tests.Foundation;

/// <summary><c>coursebuilder serve</c>'s usage errors: exit 2 with one line, never a server left running.</summary>
public sealed class ServeCliTests
{
    [Fact]
    public void A_folder_without_course_yml_is_a_usage_error()
    {
        using var temp = new TempDir("serve-cli");
        var (code, output, error) = Run("serve", temp.Path);
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Equal("", output);
        Assert.Equal($"coursebuilder: {temp.Path} holds no course.yml: give the content folder (e.g. `coursebuilder serve content`)", error.Trim());
    }

    [Fact]
    public async Task Without_scorm_again_the_inspector_says_how_to_install_it()
    {
        using var temp = new TempDir("serve-no-lms");
        using var server = new CourseBuilder.Serve.DevServer(TestPaths.ValidCourse, 0, outputDirectory: temp.Sub("out"), scormAgainDirectory: temp.Sub("nowhere"));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var running = server.RunAsync(stop.Token);
        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri(server.Address, "/inspect/basics/"));
        Assert.Contains("<code>npm install scorm-again</code>", page);
        Assert.DoesNotContain("/__cb/lms/", page);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri(server.Address, "/__cb/lms/scorm12.js"))).StatusCode);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public void A_port_in_use_given_with_port_is_a_usage_error()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var run = Task.Run(() => Run("serve", TestPaths.ValidCourse, "--port", port.ToString()));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "serve started on a port that was in use");
        Assert.Equal(ExitCode.UsageError, run.Result.Code);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", run.Result.Err);
        Assert.Contains("pick another port with --port", run.Result.Err);
    }
}
