using CourseBuilder.Html;
using Xunit.Abstractions;

namespace CourseBuilder.Tests.Browser;

/// <summary>Issue 4's size budgets, on the shipped bytes: the runtime as minified into packages, and a text-only module's package.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SizeTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// The runtime as the packages ship it (minified, docs/runtime.md "Size"), read from a built
    /// package, so the build's --cb-accent line in player.css counts too.
    /// </summary>
    [Fact]
    public void The_shipped_runtime_is_at_most_40_KB()
    {
        var (root, _) = fixture.Package("1.2", TestCourse.Basics);
        var files = HtmlStage.RuntimeScripts.Concat(HtmlStage.RuntimeStyles).Select(name => Path.Combine(root, HtmlStage.RuntimeFolder, name)).ToList();
        var total = files.Sum(f => new FileInfo(f).Length);
        output.WriteLine($"runtime: {total} bytes shipped");
        Assert.InRange(total, 1, 40 * 1024);
    }

    [Theory, InlineData("1.2"), InlineData("2004")]
    public void A_text_only_module_package_is_at_most_200_KB(string version)
    {
        var size = new FileInfo(fixture.PackageZip(version, TestCourse.Basics)).Length;
        output.WriteLine($"text-only module, SCORM {version}: {size} bytes");
        Assert.InRange(size, 1, 200 * 1024);
    }
}
