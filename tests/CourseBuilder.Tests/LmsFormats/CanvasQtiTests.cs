using System.Xml.Linq;
using CourseBuilder.Build;
using CourseBuilder.Model;

namespace CourseBuilder.Tests.LmsFormats;

/// <summary>
/// The Canvas QTI zips, checked against what Canvas's importer reads: the manifest's resources
/// (Qti::Converter), the question groups (AssessmentTestConverter.process_section) and the quiz
/// settings (QuizMetadataConverter.post_process_assessments / get_quiz_meta).
/// </summary>
public sealed class CanvasQtiTests(LmsFormatsBuild build) : IClassFixture<LmsFormatsBuild>
{
    private static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
    private static readonly XNamespace Q = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
    private static readonly XNamespace Canvas = "http://canvas.instructure.com/xsd/cccv1p0";

    private static XDocument Xml(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    [Fact]
    public void There_is_one_zip_per_module_quiz_and_none_for_the_course()
    {
        var zips = build.OfKind(ArtifactKind.CanvasQti).ToList();
        Assert.Equal(build.Course.Modules.Where(m => m.Quiz is not null).Select(m => m.Id).Order(), zips.Select(z => z.ModuleId!).Order());
        Assert.Contains(zips, z => z.Path == "qti/social-media-professionalism-why-it-matters-qti.zip");
    }

    [Fact]
    public void The_settings_file_sits_where_Canvas_looks_for_it()
    {
        foreach (var zip in build.OfKind(ArtifactKind.CanvasQti))
        {
            var entries = build.Entries(zip);
            var manifest = Xml(entries["imsmanifest.xml"]);
            var resources = manifest.Descendants(Cp + "resource").ToList();
            var assessment = resources.Single(r => r.Attribute("type")!.Value == "imsqti_xmlv1p2");
            var qtiPath = assessment.Element(Cp + "file")!.Attribute("href")!.Value;
            var ident = Xml(entries[qtiPath]).Root!.Element(Q + "assessment")!.Attribute("ident")!.Value;
            // post_process_assessments: a learning-application-resource whose file is "<assessment ident>/assessment_meta.xml".
            var meta = resources.Single(r => r.Attribute("type")!.Value.EndsWith("learning-application-resource", StringComparison.Ordinal));
            Assert.Equal($"{ident}/assessment_meta.xml", meta.Element(Cp + "file")!.Attribute("href")!.Value);
            Assert.Equal(meta.Attribute("identifier")!.Value, assessment.Element(Cp + "dependency")!.Attribute("identifierref")!.Value);
            Assert.True(entries.ContainsKey($"{ident}/assessment_meta.xml"));
        }
    }

    [Fact]
    public void The_pool_is_a_question_group_that_draws_the_quiz_and_the_settings_carry_attempts_and_shuffle()
    {
        var module = build.Course.Modules.First(m => m.Id == "why-it-matters");
        var entries = build.Entries(build.OfKind(ArtifactKind.CanvasQti).Single(z => z.ModuleId == module.Id));
        var ident = "social-media-professionalism-why-it-matters-quiz";
        var root = Xml(entries[$"{ident}/{ident}.xml"]).Root!.Element(Q + "assessment")!.Element(Q + "section")!;
        var groups = root.Elements(Q + "section").ToList();
        // Module 1's blueprint (m1-hazards 3, m1-study 2, m1-limits 3) over a pool of 6, 5 and 6:
        // one group per objective, in blueprint order, each drawing its count at one point an item.
        Assert.Equal(["3", "2", "3"], groups.Select(g => g.Descendants(Q + "selection_number").Single().Value));
        Assert.Equal(["1", "1", "1"], groups.Select(g => g.Descendants(Q + "points_per_item").Single().Value));
        Assert.Equal([6, 5, 6], groups.Select(g => g.Elements(Q + "item").Count()));
        Assert.Equal(module.Quiz!.Pool.Select(q => q.Id).Order(), groups.SelectMany(g => g.Elements(Q + "item")).Select(i => i.Attribute("ident")!.Value).Order());

        var meta = Xml(entries[$"{ident}/assessment_meta.xml"]).Root!;
        Assert.Equal(Canvas + "quiz", meta.Name);
        Assert.Equal("3", meta.Element(Canvas + "allowed_attempts")!.Value); // attempts: 3 in quiz.md
        Assert.Equal("true", meta.Element(Canvas + "shuffle_answers")!.Value);
        Assert.Equal("8", meta.Element(Canvas + "points_possible")!.Value);
        Assert.Equal("assignment", meta.Element(Canvas + "quiz_type")!.Value);
        // Canvas cannot reveal "after a pass", so "after a pass or the last attempt" becomes "after the last attempt".
        Assert.Equal("true", meta.Element(Canvas + "show_correct_answers")!.Value);
        Assert.Equal("true", meta.Element(Canvas + "show_correct_answers_last_attempt")!.Value);
    }

    [Theory]
    [InlineData(AnswerReveal.Always, 0, true)]
    [InlineData(AnswerReveal.Never, 3, false)]
    [InlineData(AnswerReveal.AfterLast, 3, true)]
    [InlineData(AnswerReveal.AfterPassOrLast, 3, true)]
    [InlineData(AnswerReveal.AfterPassOrLast, 0, false)]
    public void Answers_are_shown_when_Canvas_can_keep_the_promise(AnswerReveal reveal, int attempts, bool shown) =>
        Assert.Equal(shown, Qti.CanvasQtiPackage.ShowAnswers(reveal, attempts));

    [Fact]
    public void Items_follow_Canvas_own_layout_with_type_points_key_and_feedback()
    {
        foreach (var module in build.Course.Modules.Where(m => m.Quiz is not null))
        {
            var entries = build.Entries(build.OfKind(ArtifactKind.CanvasQti).Single(z => z.ModuleId == module.Id));
            var ident = $"social-media-professionalism-{module.Id}-quiz";
            var items = Xml(entries[$"{ident}/{ident}.xml"]).Descendants(Q + "item").ToDictionary(i => i.Attribute("ident")!.Value);
            foreach (var q in module.Quiz!.Pool)
            {
                var item = items[q.Id];
                var fields = item.Descendants(Q + "qtimetadatafield").ToDictionary(f => f.Element(Q + "fieldlabel")!.Value, f => f.Element(Q + "fieldentry")!.Value);
                Assert.Equal(q.Type switch
                {
                    QuestionType.Multiple => "multiple_answers_question",
                    QuestionType.TrueFalse => "true_false_question",
                    _ => "multiple_choice_question",
                }, fields["question_type"]);
                Assert.Equal("1", fields["points_possible"]);
                var text = ImporterText.Read(string.Concat(item.Descendants(Q + "mattext").Select(m => m.Value + " ")));
                foreach (var part in ImporterText.Parts(q)) Assert.Contains(part, text);
                // The scoring condition (the last, continue="No") names exactly the correct choices outside a <not>.
                var scoring = item.Descendants(Q + "respcondition").Last();
                Assert.Equal("No", scoring.Attribute("continue")!.Value);
                Assert.Equal("100", scoring.Element(Q + "setvar")!.Value);
                var named = scoring.Descendants(Q + "varequal").Where(v => v.Parent!.Name != Q + "not").Select(v => v.Value).Order();
                Assert.Equal(q.CorrectChoices.Select(c => Qti.QtiItem.ChoiceIdent(q, c)).Order(), named);
            }
        }
    }
}

/// <summary>A quiz with a blueprint: one Canvas question group and one Moodle category per objective.</summary>
public sealed class BlueprintDrawTests
{
    [Fact]
    public void A_blueprint_becomes_one_group_per_objective_with_its_count()
    {
        using var dir = new Support.TempDir("lms-blueprint");
        var content = dir.CopyFrom(Support.TestPaths.ValidCourse);
        // The fixture's quiz has the blueprint b-one: 1, b-two: 1 over b-q1 and b-q4 (b-one), b-q2 and b-q3 (b-two).
        var result = CourseBuild.Run(new BuildOptions(content, dir.Sub("out"), [OutputFormat.CanvasQti], UseCache: false));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(dir.Sub("out"), result.Artifacts.Single().Path));
        using var stream = zip.GetEntry("fixture-course-basics-quiz/fixture-course-basics-quiz.xml")!.Open();
        var groups = XDocument.Load(stream).Descendants(Q + "section").Where(s => s.Element(Q + "selection_ordering") is not null).ToList();
        Assert.Equal(["basics-b-one", "basics-b-two"], groups.Select(g => g.Attribute("ident")!.Value));
        Assert.Equal(["1", "1"], groups.Select(g => g.Descendants(Q + "selection_number").Single().Value));
        Assert.Equal([new[] { "b-q1", "b-q4" }, ["b-q2", "b-q3"]], groups.Select(g => g.Elements(Q + "item").Select(i => i.Attribute("ident")!.Value).ToArray()));
    }

    private static readonly XNamespace Q = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
}
