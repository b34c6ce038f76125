using System.Xml.Linq;
using CourseBuilder.Build;
using CourseBuilder.Model;

namespace CourseBuilder.Tests.LmsFormats;

/// <summary>
/// What Moodle's and Canvas's Common Cartridge importers need that the schemas do not say, each
/// read from the importer's source (cited in docs/lms-upload.md), checked on the bundled course.
/// </summary>
public sealed class CartridgeImporterRulesTests(LmsFormatsBuild build) : IClassFixture<LmsFormatsBuild>
{
    private static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
    private static readonly XNamespace Lom = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest";
    private static readonly XNamespace Q = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";

    private Dictionary<string, byte[]> CourseCartridge() =>
        build.Entries(build.OfKind(ArtifactKind.CommonCartridge).Single(a => a.ModuleId is null));

    private static XDocument Xml(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    [Fact]
    public void The_organization_is_one_root_item_holding_a_folder_item_per_module()
    {
        // Canvas: each "organization > item > item" without identifierref is a module (org_converter.rb);
        // Moodle: items at depth 2 become sections (cc2moodle::create_instances, ROOT_DEEP = 2).
        var manifest = Xml(CourseCartridge()["imsmanifest.xml"]);
        var organization = manifest.Descendants(Cp + "organization").Single();
        var root = Assert.Single(organization.Elements(Cp + "item"));
        Assert.Null(root.Attribute("identifierref"));
        var modules = root.Elements(Cp + "item").ToList();
        Assert.Equal(build.Course.Modules.Select(m => m.Title), modules.Select(m => m.Element(Cp + "title")!.Value));
        Assert.All(modules, m => Assert.Null(m.Attribute("identifierref")));
        var first = modules[0].Elements(Cp + "item").Select(i => i.Element(Cp + "title")!.Value).ToList();
        var module = build.Course.Modules[0];
        Assert.Equal(module.Lessons.Select(l => l.Title).Append(module.Quiz!.Title), first);
    }

    [Fact]
    public void Items_point_to_resources_of_the_types_the_importers_know_and_every_file_is_in_the_zip()
    {
        var entries = CourseCartridge();
        var manifest = Xml(entries["imsmanifest.xml"]);
        var resources = manifest.Descendants(Cp + "resource").ToDictionary(r => r.Attribute("identifier")!.Value);
        foreach (var item in manifest.Descendants(Cp + "item").Where(i => i.Attribute("identifierref") is not null))
        {
            var resource = resources[item.Attribute("identifierref")!.Value];
            var type = resource.Attribute("type")!.Value;
            // cc112moodle::CC_TYPE_QUIZ and webcontent; Canvas matches /assessment\z/ and webcontent.
            Assert.Contains(type, new[] { "webcontent", "imsqti_xmlv1p2/imscc_xmlv1p1/assessment" });
            if (type == "webcontent")
            {
                // Moodle inlines a web content page only when the resource's href ends in .html (entity11.resource).
                var href = resource.Attribute("href")!.Value;
                Assert.EndsWith(".html", href);
                Assert.True(entries.ContainsKey(href), href);
            }
        }
        foreach (var file in manifest.Descendants(Cp + "file"))
            Assert.True(entries.ContainsKey(file.Attribute("href")!.Value), file.Attribute("href")!.Value);
    }

    [Fact]
    public void The_course_name_comes_from_the_LOM_general_title()
    {
        // cc2moodle::create_node_course_header reads lom/general/title/string for the course name.
        var manifest = Xml(CourseCartridge()["imsmanifest.xml"]);
        var title = manifest.Descendants(Lom + "general").Single().Element(Lom + "title")!.Element(Lom + "string")!.Value;
        Assert.Equal("Professional Use of Social Media", title);
    }

    [Fact]
    public void Lesson_pages_have_no_script_and_their_images_resolve_inside_the_cartridge()
    {
        var entries = CourseCartridge();
        var pages = entries.Where(e => e.Key.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Equal(build.Course.Modules.Sum(m => m.Lessons.Count), pages.Count);
        var images = 0;
        foreach (var (path, bytes) in pages)
        {
            var html = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<textarea", html, StringComparison.OrdinalIgnoreCase);
            // Moodle rewrites src values without "://" that name a file beside the page (entity11.resource).
            foreach (System.Text.RegularExpressions.Match src in System.Text.RegularExpressions.Regex.Matches(html, "src=\"([^\"]+)\""))
            {
                var target = Path.GetRelativePath(".", Path.Combine(Path.GetDirectoryName(path)!, src.Groups[1].Value)).Replace('\\', '/');
                Assert.True(entries.ContainsKey(target), $"{path}: {src.Groups[1].Value}");
                images++;
            }
        }
        Assert.True(images >= 5, $"the bundled course shows its five figures; found {images} images");
    }

    [Fact]
    public void Knowledge_checks_are_a_question_and_a_disclosure_of_answer_and_feedback()
    {
        var entries = CourseCartridge();
        var module = build.Course.Modules[0];
        var lesson = module.Lessons.First(l => l.Questions.Count > 0);
        var html = System.Text.Encoding.UTF8.GetString(entries[$"web_resources/{Ids.LessonPage(module.Id, lesson.Id)}.html"]);
        foreach (var q in lesson.Questions)
        {
            var start = html.IndexOf($"id=\"q-{q.Id}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, q.Id);
            var details = html.IndexOf("<details>", start, StringComparison.Ordinal);
            var summary = html.IndexOf("<summary>Show the answer</summary>", details, StringComparison.Ordinal);
            var end = html.IndexOf("</details>", summary, StringComparison.Ordinal);
            Assert.True(details > start && summary > details && end > summary, q.Id);
            var before = ImporterText.Read(html[start..details]);
            var inside = ImporterText.Read(html[details..end]);
            Assert.Contains(ImporterText.Normalize(q.StemText), before);
            foreach (var choice in q.Choices) Assert.Contains(ImporterText.Normalize(choice.PlainText), before);
            Assert.DoesNotContain("Correct answer", before);
            foreach (var choice in q.Choices.Where(c => c.Feedback.Count > 0))
                Assert.Contains(ImporterText.Normalize(Markdown.PlainText.Of(choice.Feedback)), inside);
            Assert.Contains(ImporterText.Normalize(Markdown.PlainText.Of(q.Explanation)), inside);
        }
    }

    /// <summary>
    /// Reads an assessment as Moodle's cc11_quiz does and checks it gets back every question's
    /// type, key, per-choice feedback and general feedback.
    /// </summary>
    [Fact]
    public void Moodle_reads_back_every_quiz_question_type_key_and_feedback()
    {
        var entries = CourseCartridge();
        foreach (var module in build.Course.Modules.Where(m => m.Quiz is not null))
        {
            var doc = Xml(entries[$"{module.Id}-quiz/assessment.xml"]);
            var assessment = doc.Root!.Element(Q + "assessment")!;
            // get_global_config: cc_maxattempts "unlimited" is read as 0, no limit.
            Assert.Equal(module.Attempts(build.Course) == 0 ? "unlimited" : module.Attempts(build.Course).ToString(),
                MetaField(assessment.Element(Q + "qtimetadata")!, "cc_maxattempts"));
            // get_questions: /questestinterop/assessment/section/item, items directly in the one section.
            var items = assessment.Element(Q + "section")!.Elements(Q + "item").ToList();
            Assert.Equal(module.Quiz!.Pool.Select(q => q.Id), items.Select(i => i.Attribute("ident")!.Value));
            foreach (var (q, item) in module.Quiz.Pool.Zip(items))
                AssertMoodleReading(q, item);
        }
    }

    private static void AssertMoodleReading(Question q, XElement item)
    {
        var profile = MetaField(item.Element(Q + "itemmetadata")!.Element(Q + "qtimetadata")!, "cc_profile");
        Assert.Equal(q.Type switch
        {
            QuestionType.Multiple => "cc.multiple_response.v0p1",
            QuestionType.TrueFalse => "cc.true_false.v0p1",
            _ => "cc.multiple_choice.v0p1",
        }, profile);
        // Question text: presentation/material/mattext.
        Assert.Contains(ImporterText.Normalize(q.StemText),
            ImporterText.Read(item.Element(Q + "presentation")!.Element(Q + "material")!.Element(Q + "mattext")!.Value));
        var render = item.Element(Q + "presentation")!.Element(Q + "response_lid")!.Element(Q + "render_choice")!;
        Assert.Equal("Yes", render.Attribute("shuffle")?.Value); // every bundled quiz has shuffle: true
        var labels = render.Elements(Q + "response_label").ToList();
        Assert.Equal(q.Choices.Select(c => c.Pinned ? "No" : null), labels.Select(l => l.Attribute("rshuffle")?.Value));
        var conditions = item.Element(Q + "resprocessing")!.Elements(Q + "respcondition").ToList();
        string? FirstVarequal(XElement c) => c.Element(Q + "conditionvar")!.Element(Q + "varequal")?.Value;
        string FeedbackText(string linkref) =>
            ImporterText.Read(item.Elements(Q + "itemfeedback").Single(f => f.Attribute("ident")!.Value == linkref)
                .Element(Q + "flow_mat")!.Element(Q + "material")!.Element(Q + "mattext")!.Value);

        if (q.Type == QuestionType.TrueFalse)
            // The true/false node throws unless the idents are exactly "true" and "false".
            Assert.Equal(new[] { "false", "true" }, labels.Select(l => l.Attribute("ident")!.Value).Order());

        HashSet<string> correct;
        if (q.Type == QuestionType.Multiple)
        {
            // get_answers: correct = varequal[@case='Yes'][not(parent::not)] under the SCORE=100 condition.
            correct = conditions.Where(c => c.Elements(Q + "setvar").Any(s => s.Attribute("varname")?.Value == "SCORE" && s.Value == "100"))
                .SelectMany(c => c.Element(Q + "conditionvar")!.Descendants(Q + "varequal"))
                .Where(v => v.Attribute("case")?.Value == "Yes" && v.Parent!.Name != Q + "not")
                .Select(v => v.Value).ToHashSet();
        }
        else
        {
            // get_score: the last condition whose first varequal names the choice decides, by having a setvar.
            correct = labels.Select(l => l.Attribute("ident")!.Value)
                .Where(ident => conditions.LastOrDefault(c => FirstVarequal(c) == ident)?.Element(Q + "setvar") is { } s && s.Value.Length > 0)
                .ToHashSet();
        }
        var choiceIdents = q.Choices.ToDictionary(c => c, c => labels.Single(l =>
            ImporterText.Read(l.Element(Q + "material")!.Element(Q + "mattext")!.Value) == ImporterText.Normalize(c.PlainText)).Attribute("ident")!.Value);
        Assert.Equal(q.CorrectChoices.Select(c => choiceIdents[c]).Order(), correct.Order());

        // get_feedback: the feedback of the conditions whose first varequal names the choice.
        foreach (var choice in q.Choices.Where(c => c.Feedback.Count > 0))
        {
            var refs = conditions.Where(c => FirstVarequal(c) == choiceIdents[choice])
                .SelectMany(c => c.Elements(Q + "displayfeedback")).Select(d => d.Attribute("linkrefid")!.Value).ToList();
            Assert.Equal(ImporterText.Normalize(Markdown.PlainText.Of(choice.Feedback)), string.Join(" ", refs.Select(FeedbackText)));
        }
        // get_general_feedback: the feedback of every continue="Yes" condition, which must be the explanation alone.
        var general = conditions.Where(c => c.Attribute("continue")?.Value.Equals("yes", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(c => c.Elements(Q + "displayfeedback")).Select(d => FeedbackText(d.Attribute("linkrefid")!.Value)).ToList();
        Assert.Equal([ImporterText.Normalize(Markdown.PlainText.Of(q.Explanation))], general);
    }

    private static string MetaField(XElement qtimetadata, string label) =>
        qtimetadata.Elements(Q + "qtimetadatafield").Single(f => f.Element(Q + "fieldlabel")!.Value == label).Element(Q + "fieldentry")!.Value;
}
