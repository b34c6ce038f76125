using System.IO.Compression;
using System.Xml.Linq;
using CourseBuilder.Build;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;
using Microsoft.Playwright;

namespace CourseBuilder.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// One chromium and one build of each course for every browser test: the bundled course
/// (content/, or COURSEBUILDER_TEST_CONTENT; its html folders) and the generated
/// <see cref="TestCourse"/>, whose SCORM zips are unpacked so the LMS tests run the real packages.
/// Missing prerequisites fail the tests with how to install them; they never skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public string RepoRoot => TestPaths.RepoRoot;
    public string HarnessDist => Path.Combine(RepoRoot, "tests", "browser-harness", "node_modules", "scorm-again", "dist");
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "cb-browser-" + Guid.NewGuid().ToString("N")[..8]);
    public string BundledHtml => Path.Combine(_temp, "bundled", "html");
    public string TestHtml => Path.Combine(_temp, "test", "html");
    public string BundledContent { get; } = Environment.GetEnvironmentVariable("COURSEBUILDER_TEST_CONTENT") is { Length: > 0 } c
        ? c : TestPaths.BundledContent;

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run ./test.sh once (it installs Debian's chromium with apt-get).");
        if (!File.Exists(Path.Combine(HarnessDist, "scorm12.js")))
            throw new InvalidOperationException("tests/browser-harness/node_modules is missing: run ./test.sh (or `npm ci` in tests/browser-harness).");

        var testContent = Path.Combine(_temp, "test-content");
        TestCourse.Write(testContent);
        var builds = new[]
        {
            (testContent, Path.Combine(_temp, "test"), new[] { OutputFormat.Html, OutputFormat.Scorm12, OutputFormat.Scorm2004 }),
            (BundledContent, Path.Combine(_temp, "bundled"), new[] { OutputFormat.Html }),
        };
        await Task.WhenAll(builds.Select(b => Task.Run(() =>
        {
            var result = CourseBuild.Run(new BuildOptions(b.Item1, b.Item2, b.Item3, UseCache: false));
            var errors = result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).ToList();
            if (errors.Count > 0 || result.Artifacts.Count == 0)
                throw new InvalidOperationException($"building {b.Item1} failed:\n" + string.Join("\n", errors));
        })));

        foreach (var zip in Directory.GetFiles(Path.Combine(_temp, "test"), "*.zip", SearchOption.AllDirectories))
            ZipFile.ExtractToDirectory(zip, Path.Combine(_temp, "packages", Path.GetFileNameWithoutExtension(zip)));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        try { Directory.Delete(_temp, true); } catch (IOException) { /* best effort */ }
    }

    /// <summary>The SCORM zip of a test-course module (null: the whole course) for "1.2" or "2004".</summary>
    public string PackageZip(string version, string? module) =>
        Path.Combine(_temp, "test", version == "2004" ? "scorm2004" : "scorm12",
            $"runtime-tests{(module is null ? "" : "-" + module)}-{(version == "2004" ? "scorm2004" : "scorm12")}.zip");

    /// <summary>The unpacked package and its launch page (the manifest's resource href), as an LMS would launch it.</summary>
    public (string Root, string Launch) Package(string version, string? module)
    {
        var root = Path.Combine(_temp, "packages", Path.GetFileNameWithoutExtension(PackageZip(version, module)));
        var manifest = XDocument.Load(Path.Combine(root, "imsmanifest.xml"));
        var href = manifest.Descendants().First(e => e.Name.LocalName == "resource" && e.Attribute("href") is not null).Attribute("href")!.Value;
        return (root, href);
    }

    /// <summary>Module ids of the bundled course, in order.</summary>
    public IReadOnlyList<string> BundledModules =>
        [.. Directory.GetDirectories(Path.Combine(BundledHtml, "modules")).Select(Path.GetFileName).Order().Cast<string>()];
}
