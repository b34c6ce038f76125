using System.Globalization;
using System.Xml.Linq;
using CourseBuilder.Build;
using CourseBuilder.Model;

namespace CourseBuilder.Tests.LmsFormats;

/// <summary>The Moodle XML bank, checked against what question/format/xml/format.php reads.</summary>
public sealed class MoodleXmlTests(LmsFormatsBuild build) : IClassFixture<LmsFormatsBuild>
{
    /// <summary>question_bank::fraction_options_full(), as percentages.</summary>
    private static readonly HashSet<decimal> MoodleFractions =
    [
        100m, 90m, 83.33333m, 80m, 75m, 70m, 66.66667m, 60m, 50m, 40m, 33.33333m, 30m, 25m, 20m,
        16.66667m, 14.28571m, 12.5m, 11.11111m, 10m, 5m, 0m,
    ];

    private XDocument Bank() => XDocument.Load(build.PathOf(build.OfKind(ArtifactKind.MoodleXml).Single()));

    /// <summary>Each question with the category that was current when format.php met it.</summary>
    private List<(string Category, XElement Question)> Questions()
    {
        var result = new List<(string, XElement)>();
        var category = "";
        foreach (var question in Bank().Root!.Elements("question"))
        {
            if (question.Attribute("type")!.Value == "category") category = question.Element("category")!.Element("text")!.Value;
            else result.Add((category, question));
        }
        return result;
    }

    [Fact]
    public void One_bank_for_the_course()
    {
        var bank = Assert.Single(build.OfKind(ArtifactKind.MoodleXml));
        Assert.Equal("moodle-xml/social-media-professionalism-moodle-xml.xml", bank.Path);
        Assert.Null(bank.ModuleId);
    }

    [Fact]
    public void Graded_items_sit_in_course_module_objective_categories_and_checks_in_their_own()
    {
        var questions = Questions();
        var module = build.Course.Modules[0];
        var byId = questions.ToDictionary(q => q.Question.Element("name")!.Element("text")!.Value, q => q.Category);
        Assert.Equal("$course$/top/Professional Use of Social Media/01 Why it matters: risks, rewards and the evidence/m1-hazards", byId["m1-q-sixty"]);
        Assert.Equal("$course$/top/Professional Use of Social Media/01 Why it matters: risks, rewards and the evidence/Knowledge checks", byId["m1-kc-faculty"]);
        Assert.Equal(build.Course.AllQuestions.Count(), questions.Count);
        foreach (var q in build.Course.Modules.SelectMany(m => m.Quiz?.Pool ?? []))
            Assert.EndsWith("/" + q.ObjectiveId, byId[q.Id]);
        foreach (var q in build.Course.AllQuestions.Where(q => !q.Graded))
            Assert.EndsWith("/Knowledge checks", byId[q.Id]);
    }

    [Fact]
    public void Types_and_fractions_follow_Moodle_rules()
    {
        var all = build.Course.AllQuestions.ToDictionary(q => q.Id);
        foreach (var (_, element) in Questions())
        {
            var q = all[element.Element("name")!.Element("text")!.Value];
            var answers = element.Elements("answer").ToList();
            var fractions = answers.Select(a => decimal.Parse(a.Attribute("fraction")!.Value, CultureInfo.InvariantCulture)).ToList();
            Assert.All(fractions, f => Assert.Contains(Math.Abs(f), MoodleFractions));
            switch (q.Type)
            {
                case QuestionType.TrueFalse:
                    Assert.Equal("truefalse", element.Attribute("type")!.Value);
                    // import_truefalse matches on the answer text "true" / "false".
                    Assert.Equal(new[] { "false", "true" }, answers.Select(a => a.Element("text")!.Value).Order());
                    Assert.Equal(100m, fractions.Max());
                    break;
                case QuestionType.Single:
                    Assert.Equal("multichoice", element.Attribute("type")!.Value);
                    Assert.Equal("true", element.Element("single")!.Value);
                    Assert.Equal([100m], fractions.Where(f => f > 0));
                    break;
                case QuestionType.Multiple:
                    Assert.Equal("false", element.Element("single")!.Value);
                    Assert.InRange(fractions.Where(f => f > 0).Sum(), 99.9999m, 100.0001m);
                    Assert.InRange(fractions.Where(f => f < 0).Sum(), -100.0001m, -99.9999m);
                    break;
            }
            for (var i = 0; i < q.Choices.Count; i++)
                Assert.Equal(q.Choices[i].Correct, fractions[i] > 0);
        }
    }

    [Fact]
    public void Every_stem_choice_feedback_and_explanation_is_in_the_bank()
    {
        var all = build.Course.AllQuestions.ToDictionary(q => q.Id);
        foreach (var (_, element) in Questions())
        {
            var q = all[element.Element("name")!.Element("text")!.Value];
            Assert.Contains(ImporterText.Normalize(q.StemText), ImporterText.Read(element.Element("questiontext")!.Element("text")!.Value));
            Assert.Equal(ImporterText.Normalize(Markdown.PlainText.Of(q.Explanation)), ImporterText.Read(element.Element("generalfeedback")!.Element("text")!.Value));
            var answers = element.Elements("answer").ToList();
            for (var i = 0; i < q.Choices.Count; i++)
            {
                if (q.Type != QuestionType.TrueFalse)
                    Assert.Equal(ImporterText.Normalize(q.Choices[i].PlainText), ImporterText.Read(answers[i].Element("text")!.Value));
                Assert.Equal(ImporterText.Normalize(Markdown.PlainText.Of(q.Choices[i].Feedback)),
                    ImporterText.Read(answers[i].Element("feedback")!.Element("text")!.Value));
            }
            if (q.Type != QuestionType.TrueFalse)
                Assert.Equal(q.Choices.Any(c => c.Pinned) ? "false" : "true", element.Element("shuffleanswers")!.Value);
        }
    }

    [Theory]
    [InlineData(1, "100")]
    [InlineData(3, "33.33333")]
    [InlineData(7, "14.28571")]
    [InlineData(12, "8.33333")]
    public void Shares_are_Moodle_grades(int count, string share) => Assert.Equal(share, MoodleXml.MoodleXmlBank.Share(count));
}

/// <summary>Same content, same bytes: a second build in another culture gives the same hashes.</summary>
public sealed class LmsFormatsDeterminismTests(LmsFormatsBuild build) : IClassFixture<LmsFormatsBuild>
{
    [Fact]
    public void A_second_build_in_another_culture_is_byte_identical()
    {
        var culture = CultureInfo.CurrentCulture;
        using var dir = new Support.TempDir("lms-again");
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            var again = CourseBuild.Run(new BuildOptions(Support.TestPaths.BundledContent, dir.Sub("out"),
                [OutputFormat.CommonCartridge, OutputFormat.CanvasQti, OutputFormat.MoodleXml], UseCache: false));
            Assert.Equal(build.Result.Artifacts.Select(a => (a.Path, a.Sha256)), again.Artifacts.Select(a => (a.Path, a.Sha256)));
            Assert.Equal(12, again.Artifacts.Count);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
