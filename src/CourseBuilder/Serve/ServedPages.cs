using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;

namespace CourseBuilder.Serve;

/// <summary>One answer of the development server.</summary>
public sealed record Reply(int Status, string ContentType, byte[] Body, string? Location = null);

/// <summary>
/// The routes of <c>coursebuilder serve</c>: <c>/</c> the course with a link to each module,
/// <c>/modules/&lt;id&gt;/</c> and <c>/course/</c> the built players, <c>/inspect/&lt;id&gt;/</c>
/// the LMS inspector, and <c>/__cb/</c> the server's own files and status.
/// </summary>
internal sealed partial class ServedPages(string contentDirectory, string htmlDirectory, BuildStatus status, string? scormAgain)
{
    private const string Html = "text/html; charset=utf-8";

    public Reply Reply(string path)
    {
        if (path == "/") return Page(IndexPage());
        // Browsers ask for it on every page; the course has none, and a 404 would be a console error.
        if (path == "/favicon.ico") return new(204, "image/x-icon", []);
        if (path == "/__cb/status") return new(200, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(status.Json()));
        if (path.StartsWith("/__cb/lms/", StringComparison.Ordinal))
            return scormAgain is null ? NotFound() : FileIn(scormAgain, path["/__cb/lms/".Length..], inject: false);
        if (path.StartsWith("/__cb/", StringComparison.Ordinal) && AssetNames.Contains(path["/__cb/".Length..]))
            return new(200, ContentType(path), EmbeddedFiles.Read("CourseBuilder.Serve.Assets." + path["/__cb/".Length..]));
        if (PlayerRoute().Match(path) is { Success: true } player)
        {
            var folder = player.Groups["module"].Success ? Path.Combine(htmlDirectory, "modules", player.Groups["module"].Value) : Path.Combine(htmlDirectory, "course");
            if (!player.Groups["slash"].Success) return new(301, Html, [], path + "/");
            var rest = player.Groups["rest"].Value;
            return FileIn(folder, rest.Length == 0 ? "index.html" : rest, inject: true);
        }
        if (InspectRoute().Match(path) is { Success: true } inspect)
        {
            if (!inspect.Groups["slash"].Success) return new(301, Html, [], path + "/");
            return Page(InspectorPage(inspect.Groups["module"].Value));
        }
        return NotFound();
    }

    private static readonly HashSet<string> AssetNames = ["reload.js", "serve.css", "inspector.js", "inspector.css"];

    [GeneratedRegex(@"^/(?:modules/(?<module>[A-Za-z][A-Za-z0-9_-]*)|course)(?<slash>/(?<rest>.*))?$")]
    private static partial Regex PlayerRoute();

    [GeneratedRegex(@"^/inspect/(?<module>[A-Za-z][A-Za-z0-9_-]*)(?<slash>/)?$")]
    private static partial Regex InspectRoute();

    /// <summary>A file under <paramref name="root"/>; HTML pages get the reload hook. Never a file outside the root.</summary>
    private Reply FileIn(string root, string relative, bool inject)
    {
        var rootFull = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(Path.Combine(rootFull, relative));
        if (!file.StartsWith(rootFull, StringComparison.Ordinal) || !File.Exists(file)) return NotFound();
        var bytes = File.ReadAllBytes(file);
        if (inject && file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            bytes = Encoding.UTF8.GetBytes(Inject(Encoding.UTF8.GetString(bytes), status.Good));
        return new(200, ContentType(file), bytes);
    }

    /// <summary>
    /// What a served page gains over the built one: the overlay's stylesheet, the reload script
    /// (both same-origin files, as the player's CSP asks) and connect-src 'self' in that CSP,
    /// so the script may open the event stream. The build's files are not changed.
    /// </summary>
    public static string Inject(string html, int build)
    {
        html = html.Replace("connect-src 'none'", "connect-src 'self'", StringComparison.Ordinal);
        var head = html.LastIndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        if (head >= 0) html = html.Insert(head, "<link rel=\"stylesheet\" href=\"/__cb/serve.css\">\n");
        var script = $"<script src=\"/__cb/reload.js\" data-build=\"{build}\"></script>\n";
        var body = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return body >= 0 ? html.Insert(body, script) : html + script;
    }

    private Reply NotFound() => new(404, Html, Encoding.UTF8.GetBytes(Shell("Not found",
        "<h1>Not found</h1><p>Nothing is served at this address. <a href=\"/\">The course</a> lists what is.</p>")));

    private static Reply Page(string html) => new(200, Html, Encoding.UTF8.GetBytes(html));

    /// <summary>A page of the server's own, with the same CSP as the player and the reload hook.</summary>
    private string Shell(string title, string body, string head = "") => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <link rel="stylesheet" href="/__cb/serve.css">
        {head}
        </head>
        <body class="cbs-page">
        {body}
        <script src="/__cb/reload.js" data-build="{status.Good}"></script>
        </body>
        </html>
        """;

    /// <summary>The modules in course order (id, title), read afresh from the content; from the built folders while it does not load.</summary>
    private (string Title, IReadOnlyList<(string Id, string Title)> Modules) Outline()
    {
        var course = LoadStage.Load(contentDirectory, new DiagnosticBag());
        if (course is not null && course.Modules.Count > 0)
            return (course.Title, course.Modules.Select(m => (m.Id, m.Title)).ToList());
        var modules = Path.Combine(htmlDirectory, "modules");
        var built = Directory.Exists(modules)
            ? Directory.GetDirectories(modules).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).Select(id => (id, id)).ToList()
            : [];
        return (course?.Title ?? "The course", built);
    }

    private string IndexPage()
    {
        var (title, modules) = Outline();
        var items = new StringBuilder();
        foreach (var (id, moduleTitle) in modules)
            items.Append($"<li><a href=\"/modules/{id}/\">{WebUtility.HtmlEncode(moduleTitle)}</a> <span class=\"cbs-aside\">(<a href=\"/inspect/{id}/\">in the LMS inspector</a>)</span></li>\n");
        var none = status.Good == 0 ? "<p>No build has succeeded yet: the list below fills in once one does.</p>" : "";
        return Shell(title, $"""
            <main class="cbs-main">
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            <p>Served by <code>coursebuilder serve</code> from <code>{WebUtility.HtmlEncode(contentDirectory)}</code>. Pages reload when you save a file.</p>
            {none}
            <h2>Modules</h2>
            <ol class="cbs-modules">
            {items}</ol>
            <p><a href="/course/">The whole course in one player</a></p>
            </main>
            """);
    }

    private string InspectorPage(string moduleId)
    {
        var lms = scormAgain is null
            ? """
              <p class="cbs-warning" id="cbi-missing">The inspector needs scorm-again, the LMS it plays. Install it once with
              <code>npm install scorm-again</code> in the content folder or a folder above it, or set
              <code>COURSEBUILDER_SCORM_AGAIN</code> to its <code>dist</code> folder, then restart <code>coursebuilder serve</code>.</p>
              """
            : "<script src=\"/__cb/lms/scorm12.js\"></script>\n<script src=\"/__cb/lms/scorm2004.js\"></script>";
        var body = $"""
            <header class="cbi-header"><h1>LMS inspector: <code>{moduleId}</code></h1>
            <nav><a href="/">The course</a> · <a href="/modules/{moduleId}/">The module alone</a></nav></header>
            {(scormAgain is null ? lms : "")}
            <main class="cbi">
            <form class="cbi-controls" id="cbi-controls" aria-label="The LMS">
              <fieldset><legend>SCORM version</legend>
                <label><input type="radio" name="version" value="1.2" checked> SCORM 1.2</label>
                <label><input type="radio" name="version" value="2004"> SCORM 2004</label></fieldset>
              <label>Launch mode <select name="mode"><option value="normal">normal</option><option value="browse">browse</option><option value="review">review</option></select></label>
              <label>The LMS refuses <select name="refuse">
                <option value="">nothing</option><option value="Commit">every commit</option>
                <option value="SetValue:cmi.suspend_data">writes to suspend_data</option>
                <option value="SetValue">every write</option><option value="Initialize">initialization</option></select></label>
              <p><button type="button" id="cbi-reset">Reset and launch</button>
                 <button type="button" id="cbi-resume">Relaunch as a resume</button></p>
              <p id="cbi-launch" role="status"></p>
              <p class="cbi-size">suspend_data: <output id="cbi-size">0</output> of 4,096 characters (SCORM 1.2's limit)
                 <meter id="cbi-size-meter" aria-label="suspend_data size against 4,096 characters" min="0" max="4096" low="3000" high="4000" optimum="0" value="0"></meter></p>
            </form>
            <iframe id="cbi-sco" class="cbi-sco" title="The module, as the LMS launches it"></iframe>
            <section class="cbi-log" aria-labelledby="cbi-cmi-title">
              <h2 id="cbi-cmi-title">CMI elements written</h2>
              <table id="cbi-cmi"><thead><tr><th scope="col">Element</th><th scope="col">Value</th></tr></thead><tbody></tbody></table>
              <h2>Calls, newest last</h2>
              <ol id="cbi-calls" class="cbi-calls"></ol>
            </section>
            </main>
            <script src="/__cb/inspector.js" data-module="{moduleId}" data-player="/modules/{moduleId}/index.html" data-lms="{(scormAgain is null ? "0" : "1")}"></script>
            """;
        return Shell($"LMS inspector: {moduleId}", body, head: $"<link rel=\"stylesheet\" href=\"/__cb/inspector.css\">\n{(scormAgain is null ? "" : lms)}");
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => Html,
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".woff2" => "font/woff2",
        ".mp4" => "video/mp4",
        ".mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    };
}
