using CourseBuilder.Build;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Html;

/// <summary>
/// Templates are looked up as Hugo looks up layouts: a module's templates/ folder, then the
/// course's, then the built-in ones; the base layout, its partials and each directive's markup
/// can each be overridden alone.
/// </summary>
public sealed class TemplateLookupTests
{
    private const string CalloutModel = "@using RazorLight\n@inherits TemplatePage<CourseBuilder.Markdown.Callouts.CalloutView>\n";

    private static string Build(TempDir temp, string content)
    {
        var output = temp.Sub("out");
        var result = CourseBuild.Run(new BuildOptions(content, output, [OutputFormat.Html]));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        return output;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void AModulesPartialBeatsTheCoursesWhichBeatsTheBuiltInOne()
    {
        using var temp = new TempDir("lookup");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        File.AppendAllText(Path.Combine(content, "modules/02-more/01-only.md"), "\n::: key-point\nAlso this.\n:::\n");
        Write(Path.Combine(content, "templates/directives/callout.cshtml"),
            CalloutModel + "<aside class=\"course-callout\">@Raw(Model.BodyHtml)</aside>\n");
        Write(Path.Combine(content, "modules/01-basics/templates/directives/callout.cshtml"),
            CalloutModel + "<div class=\"module-callout\" data-kind=\"@Model.Kind\">@Raw(Model.BodyHtml)</div>\n");

        var output = Build(temp, content);

        var basics = File.ReadAllText(Path.Combine(output, "html/modules/basics/index.html"));
        Assert.Contains("<div class=\"module-callout\" data-kind=\"key-point\"><p>Remember this.</p>\n</div>\n", basics);
        Assert.DoesNotContain("course-callout", basics);
        Assert.DoesNotContain("cb-callout", basics);
        var more = File.ReadAllText(Path.Combine(output, "html/modules/more/index.html"));
        Assert.Contains("<aside class=\"course-callout\"><p>Also this.</p>\n</aside>\n", more);
        Assert.DoesNotContain("module-callout", more);
        // The whole course shows each module's pages as that module's own package does.
        var course = File.ReadAllText(Path.Combine(output, "html/course/index.html"));
        Assert.Contains("<div class=\"module-callout\" data-kind=\"key-point\"><p>Remember this.</p>\n</div>\n", course);
        Assert.Contains("<aside class=\"course-callout\"><p>Also this.</p>\n</aside>\n", course);
    }

    [Fact]
    public void ACourseCanExtendTheBaseLayoutWithAPartialOfItsOwn()
    {
        using var temp = new TempDir("layout");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var builtIn = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src/CourseBuilder/Html/Templates/baseof.cshtml"));
        Assert.Contains("</body>", builtIn);
        Write(Path.Combine(content, "templates/baseof.cshtml"),
            builtIn.Replace("</body>", "@{ await IncludeAsync(\"partials/footer\", Model); }\n</body>"));
        Write(Path.Combine(content, "templates/partials/footer.cshtml"),
            "@using RazorLight\n@inherits TemplatePage<CourseBuilder.Html.PlayerPage>\n<footer class=\"course-footer\">Made for @Model.Course.Title</footer>\n");
        Write(Path.Combine(content, "templates/partials/pager.cshtml"),
            "@using RazorLight\n@inherits TemplatePage<CourseBuilder.Html.PlayerPage>\n<nav class=\"cb-pager\" aria-label=\"Page\"><button type=\"button\" class=\"cb-button\" id=\"cb-prev\">Back</button> <button type=\"button\" class=\"cb-button\" id=\"cb-next\">Onward</button></nav>\n");

        var output = Build(temp, content);

        foreach (var page in new[] { "html/modules/basics/index.html", "html/course/index.html" })
        {
            var html = File.ReadAllText(Path.Combine(output, page));
            Assert.Contains("<footer class=\"course-footer\">Made for Fixture Course</footer>\n</body>", html);
            Assert.Contains("id=\"cb-prev\">Back</button> <button type=\"button\" class=\"cb-button\" id=\"cb-next\">Onward</button></nav>", html);
            // What the course did not override still comes from the tool.
            Assert.Contains("<header class=\"cb-header\">", html);
            Assert.Contains("<a class=\"cb-skip-link\" href=\"#cb-main\">Skip to content</a>", html);
        }
    }

    [Fact]
    public void WithoutOverridesTheDirectivesKeepTheToolsMarkup()
    {
        using var temp = new TempDir("builtin");
        var output = Build(temp, temp.CopyFrom(TestPaths.ValidCourse));

        var basics = File.ReadAllText(Path.Combine(output, "html/modules/basics/index.html"));
        Assert.Contains("<div class=\"cb-callout cb-callout--key-point\" role=\"note\">\n<p class=\"cb-callout__label\"><span class=\"cb-callout__kind\">Key point</span></p>\n<p>Remember this.</p>\n</div>\n", basics);
        Assert.Contains("<figure class=\"cb-figure\">\n<img src=\"modules/01-basics/pic.png\" alt=\"A small square\" loading=\"lazy\">\n<figcaption>Figure 1. A square.</figcaption>\n</figure>\n", basics);
    }
}
