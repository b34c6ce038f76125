using CourseBuilder.Html;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Html;

public class IdScoperTests
{
    [Fact]
    public void Ids_and_every_reference_to_them_get_the_page_prefix()
    {
        const string html = """
            <h2 id="intro">Intro</h2><p>See<sup><a id="fnref:1" href="#fn:1">1</a></sup> and <a href="#intro">the top</a>.</p>
            <label for="answer">Answer</label><textarea id="answer" aria-describedby="hint  intro"></textarea><p id="hint">Hint</p>
            <div id="fn:1"><a href="#fnref:1">back</a></div>
            """;
        var scoped = IdScoper.Scope(html, "m1--l1");
        Assert.Equal("""
            <h2 id="m1--l1-intro">Intro</h2><p>See<sup><a id="m1--l1-fnref:1" href="#m1--l1-fn:1">1</a></sup> and <a href="#m1--l1-intro">the top</a>.</p>
            <label for="m1--l1-answer">Answer</label><textarea id="m1--l1-answer" aria-describedby="m1--l1-hint m1--l1-intro"></textarea><p id="m1--l1-hint">Hint</p>
            <div id="m1--l1-fn:1"><a href="#m1--l1-fnref:1">back</a></div>
            """, scoped);
    }

    [Fact]
    public void References_to_ids_outside_the_fragment_and_other_links_stay_as_they_are()
    {
        const string html = """<p id="a"><a href="#elsewhere">x</a> <a href="#">top</a> <a href="https://example.org/#a">web</a> <label for="other">y</label></p>""";
        Assert.Equal("""<p id="p-a"><a href="#elsewhere">x</a> <a href="#">top</a> <a href="https://example.org/#a">web</a> <label for="other">y</label></p>""",
            IdScoper.Scope(html, "p"));
    }

    [Fact]
    public void Author_html_with_single_quotes_unquoted_values_and_upper_case_names_is_scoped_too()
    {
        const string html = """<DIV ID='box' class=note><a HREF=#box>self</a><input id=field aria-labelledby='box'></DIV>""";
        Assert.Equal("""<DIV ID='p-box' class=note><a HREF=#p-box>self</a><input id=p-field aria-labelledby='p-box'></DIV>""",
            IdScoper.Scope(html, "p"));
    }

    [Fact]
    public void Markup_inside_comments_scripts_and_attribute_values_is_not_mistaken_for_tags()
    {
        const string html = """
            <!-- <p id="ghost"> --><script>var s = '<a id="fake" href="#real">';</script>
            <p id="real" title="a <b id='inner'> tag">1 < 2</p><a href="#ghost">g</a><a href="#fake">f</a>
            """;
        var scoped = IdScoper.Scope(html, "p");
        Assert.Equal("""
            <!-- <p id="ghost"> --><script>var s = '<a id="fake" href="#real">';</script>
            <p id="p-real" title="a <b id='inner'> tag">1 < 2</p><a href="#ghost">g</a><a href="#fake">f</a>
            """, scoped);
    }

    [Fact]
    public void A_fragment_without_ids_comes_back_unchanged()
    {
        const string html = "<p>No ids <a href=\"#x\">here</a>.</p>";
        Assert.Same(html, IdScoper.Scope(html, "p"));
    }
}

/// <summary>The whole-page guarantee the scoper exists for, checked on the bundled course's real players with a full HTML parser.</summary>
public class PlayerPageIdTests
{
    public static TheoryData<string?> Scopes()
    {
        var data = new TheoryData<string?> { (string?)null };
        foreach (var dir in Directory.GetDirectories(Path.Combine(TestPaths.BundledContent, "modules")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir)[(Path.GetFileName(dir).IndexOf('-') + 1)..]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Every_id_is_unique_and_every_in_page_reference_resolves(string? moduleId)
    {
        var course = CourseBuilder.Loading.LoadStage.Load(TestPaths.BundledContent, new CourseBuilder.Diagnostics.DiagnosticBag())!;
        var stage = new HtmlStage(course, new TemplateEngine(course.ContentDirectory));
        var module = moduleId is null ? null : course.Modules.Single(m => m.Id == moduleId);
        var page = stage.Render(module).Single(f => f.Path == HtmlStage.PageFile);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(page.Content));

        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.NotEmpty(ids);
        var duplicates = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "duplicate ids: " + string.Join(", ", duplicates));

        var known = ids.ToHashSet(StringComparer.Ordinal);
        var references = document.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).Where(h => h.Length > 0)
            .Concat(document.QuerySelectorAll("label[for]").Select(l => l.GetAttribute("for")!))
            .Concat(document.QuerySelectorAll("[aria-describedby],[aria-labelledby],[aria-controls]")
                .SelectMany(e => new[] { "aria-describedby", "aria-labelledby", "aria-controls" }
                    .SelectMany(a => (e.GetAttribute(a) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            .ToList();
        Assert.NotEmpty(references);
        var dangling = references.Where(r => !known.Contains(Uri.UnescapeDataString(r))).Distinct().ToList();
        Assert.True(dangling.Count == 0, "references to no id: " + string.Join(", ", dangling));
    }
}
