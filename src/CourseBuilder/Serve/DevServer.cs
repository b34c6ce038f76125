using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CourseBuilder.Build;
using CourseBuilder.Model;

namespace CourseBuilder.Serve;

/// <summary>
/// <c>coursebuilder serve</c>: builds the course's HTML players into a folder of its own (never
/// the author's output/), serves them on 127.0.0.1, rebuilds on every save through the build
/// cache and tells the open pages to reload. Served pages differ from the built ones only by
/// what <see cref="ServedPages.Inject"/> adds; the files on disk are the build's, untouched.
/// </summary>
/// <remarks>
/// System.Net.HttpListener rather than Kestrel: a handful of static routes and one event stream
/// for one local browser need no web framework, and the tool package stays free of the ASP.NET
/// Core shared framework (which a machine with only the .NET runtime lacks).
/// </remarks>
public sealed class DevServer : IDisposable
{
    public const int DefaultPort = 4173;

    private readonly string _contentDirectory;
    private readonly HttpListener _listener;
    private readonly EventStream _events = new();
    private readonly ServedPages _pages;
    private readonly TimeSpan? _quietPeriod;

    /// <summary>The folder the served builds go to.</summary>
    public string OutputDirectory { get; }
    public Uri Address { get; }
    public BuildStatus Status { get; }

    /// <summary>Raised after each build, for the console.</summary>
    public event Action<BuildResult>? Built;
    public event Action<Exception>? BuildFailed;

    /// <param name="port">The port on 127.0.0.1; 0 picks a free one. When <paramref name="portIsDefault"/>, a busy port moves on to the next.</param>
    public DevServer(string contentDirectory, int port, bool portIsDefault = false, string? outputDirectory = null,
        string? scormAgainDirectory = null, TimeSpan? quietPeriod = null)
    {
        if (!File.Exists(Path.Combine(contentDirectory, "course.yml")))
            throw new UsageException($"{contentDirectory} holds no course.yml: give the content folder (e.g. `coursebuilder serve content`)");
        _contentDirectory = Path.GetFullPath(contentDirectory);
        _quietPeriod = quietPeriod;
        OutputDirectory = outputDirectory ?? DefaultOutput(_contentDirectory);
        Status = new BuildStatus(Directory.GetCurrentDirectory());
        Status.Changed += _events.Broadcast;
        (_listener, Address) = Listen(port, portIsDefault);
        _pages = new ServedPages(_contentDirectory, Path.Combine(OutputDirectory, "html"), Status,
            scormAgainDirectory is null ? FindScormAgain(_contentDirectory) : HasScormAgain(scormAgainDirectory) ? scormAgainDirectory : null);
    }

    /// <summary>Builds, then serves and rebuilds on change until <paramref name="cancellation"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        var watcher = new BuildWatcher(new BuildOptions(_contentDirectory, OutputDirectory, [OutputFormat.Html]), _quietPeriod);
        // On a thread of its own: the first build runs before the watcher's first await.
        var building = Task.Run(() => watcher.RunAsync(
            result => { Status.Record(result); Built?.Invoke(result); },
            failure => { Status.RecordFailure(failure); BuildFailed?.Invoke(failure); },
            cancellation));
        using (cancellation.Register(() => { try { _listener.Stop(); } catch (ObjectDisposedException) { } }))
        {
            while (!cancellation.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { break; }
                _ = Task.Run(() => Handle(context));
            }
        }
        await building;
    }

    private void Handle(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            if (path == "/__cb/events")
            {
                _events.Add(response, Status.Json());
                return; // kept open: the event stream writes to it
            }
            var reply = _pages.Reply(path);
            response.StatusCode = reply.Status;
            response.ContentType = reply.ContentType;
            response.Headers["Cache-Control"] = "no-store";
            if (reply.Location is not null) response.RedirectLocation = reply.Location;
            response.ContentLength64 = reply.Body.Length;
            if (context.Request.HttpMethod != "HEAD") response.OutputStream.Write(reply.Body);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            try { response.Abort(); } catch (Exception) { /* the browser went away */ }
        }
    }

    private static (HttpListener, Uri) Listen(int port, bool portIsDefault)
    {
        for (var attempt = 0; ; attempt++)
        {
            var candidate = port == 0 ? FreePort() : port + attempt;
            var address = new Uri($"http://127.0.0.1:{candidate}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return (listener, address);
            }
            catch (HttpListenerException) when (attempt < 20 && (portIsDefault || port == 0))
            {
                listener.Close();
            }
            catch (HttpListenerException ex)
            {
                listener.Close();
                throw new UsageException($"cannot listen on 127.0.0.1:{candidate} ({ex.Message}); pick another port with --port");
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A folder per content folder under the temp folder, kept between runs so the cache makes restarts quick.</summary>
    public static string DefaultOutput(string contentDirectory) =>
        Path.Combine(Path.GetTempPath(), "coursebuilder-serve",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(contentDirectory))))[..12]);

    /// <summary>
    /// scorm-again's dist folder for the LMS inspector: $COURSEBUILDER_SCORM_AGAIN, or a
    /// node_modules/scorm-again (or this repository's tests/browser-harness one) above the
    /// content folder or the working folder; null when none is installed.
    /// </summary>
    public static string? FindScormAgain(string contentDirectory)
    {
        if (Environment.GetEnvironmentVariable("COURSEBUILDER_SCORM_AGAIN") is { Length: > 0 } configured)
            return HasScormAgain(configured) ? configured : null;
        foreach (var start in new[] { contentDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
                foreach (var candidate in new[] { "node_modules/scorm-again/dist", "tests/browser-harness/node_modules/scorm-again/dist" })
                    if (HasScormAgain(Path.Combine(dir.FullName, candidate)))
                        return Path.Combine(dir.FullName, candidate);
        return null;
    }

    private static bool HasScormAgain(string dist) =>
        File.Exists(Path.Combine(dist, "scorm12.js")) && File.Exists(Path.Combine(dist, "scorm2004.js"));

    public void Dispose()
    {
        _events.Dispose();
        try { _listener.Close(); } catch (ObjectDisposedException) { }
    }
}
