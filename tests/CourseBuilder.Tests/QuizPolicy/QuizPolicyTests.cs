using System.Text.Json;
using CourseBuilder.Diagnostics;
using CourseBuilder.Html;
using CourseBuilder.Loading;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.QuizPolicy;

/// <summary>The quiz policy keys (blueprint, review, reveal-answers, scorm12-outcome): parsing, defaults and the player's data.</summary>
public sealed class QuizPolicyTests
{
    /// <summary>A copy of the valid fixture whose basics quiz has the given front matter lines and pool.</summary>
    private static (Course Course, DiagnosticBag Diagnostics) Load(TempDir temp, string frontMatter, string? pool = null, string? courseExtra = null)
    {
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var quizPath = Path.Combine(content, "modules", "01-basics", "quiz.md");
        var body = pool ?? File.ReadAllText(quizPath).Split("---\n", 3)[2];
        File.WriteAllText(quizPath, $"---\ntitle: Basics quiz\n{frontMatter}---\n{body}");
        if (courseExtra is not null) File.AppendAllText(Path.Combine(content, "course.yml"), courseExtra);
        var diagnostics = new DiagnosticBag();
        return (LoadStage.Load(content, diagnostics)!, diagnostics);
    }

    private static JsonElement QuizJson(Course course)
    {
        var module = course.Modules[0];
        var sections = new List<PlayerSection> { new(Ids.QuizPage(module.Id), module.Id, SectionKind.Quiz, "Quiz", 0, "") };
        var json = PlayerData.Build(course, module, [new PlayerModule(module, sections)]);
        return JsonDocument.Parse(json).RootElement;
    }

    private static string Question(int n, string objective) => $"""

        ::: question id=q{n} objective={objective}
        Question {n}?

        - [x] Right {n}
          > Yes.
        - [ ] Wrong {n}
          > No.

        Explanation: {n}.
        :::

        """;

    [Fact]
    public void Without_the_new_keys_the_course_defaults_apply_and_the_data_has_no_blueprint()
    {
        using var temp = new TempDir("policy");
        var (course, diagnostics) = Load(temp, "draw: 2\n");
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.IsError);
        var quiz = course.Modules[0].Quiz!;
        Assert.Null(quiz.Blueprint);
        Assert.Null(quiz.Review);
        Assert.Equal(ReviewLevel.Feedback, course.Modules[0].Review(course));
        Assert.Equal(AnswerReveal.AfterPassOrLast, course.Modules[0].RevealAnswers(course));

        var root = QuizJson(course);
        Assert.Equal("passed-failed", root.GetProperty("scorm12Outcome").GetString());
        var data = root.GetProperty("modules")[0].GetProperty("quiz");
        Assert.Equal(2, data.GetProperty("attempts").GetInt32());
        Assert.Equal("feedback", data.GetProperty("review").GetString());
        Assert.Equal("after-pass-or-last", data.GetProperty("revealAnswers").GetString());
        Assert.False(data.TryGetProperty("blueprint", out _));
        Assert.Equal("b-one", data.GetProperty("questions")[0].GetProperty("objective").GetString());
    }

    [Fact]
    public void Course_defaults_are_overridden_by_the_quiz()
    {
        using var temp = new TempDir("policy");
        var (course, diagnostics) = Load(temp, "draw: 2\nreview: score\n",
            courseExtra: "review: answers\nreveal-answers: never\nscorm12-outcome: completed-incomplete\n");
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.IsError);
        Assert.Equal(ReviewLevel.Score, course.Modules[0].Review(course));
        Assert.Equal(AnswerReveal.Never, course.Modules[0].RevealAnswers(course));
        Assert.Equal(Scorm12Outcome.CompletedIncomplete, course.Scorm12Outcome);

        var root = QuizJson(course);
        Assert.Equal("completed-incomplete", root.GetProperty("scorm12Outcome").GetString());
        var data = root.GetProperty("modules")[0].GetProperty("quiz");
        Assert.Equal("score", data.GetProperty("review").GetString());
        Assert.Equal("never", data.GetProperty("revealAnswers").GetString());
    }

    [Fact]
    public void A_mapping_blueprint_sets_the_draw_and_is_written_as_authored()
    {
        using var temp = new TempDir("policy");
        var (course, diagnostics) = Load(temp, "blueprint:\n  b-two: 1\n  b-one: 1\nreveal-answers: after-last\n");
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.IsError);
        var quiz = course.Modules[0].Quiz!;
        Assert.Equal(2, quiz.Draw);
        var data = QuizJson(course).GetProperty("modules")[0].GetProperty("quiz");
        Assert.Equal("""[{"objective":"b-two","count":1},{"objective":"b-one","count":1}]""", data.GetProperty("blueprint").GetRawText());
        Assert.Equal(2, data.GetProperty("draw").GetInt32());
        Assert.Equal("after-last", data.GetProperty("revealAnswers").GetString());
    }

    [Fact]
    public void A_stratified_blueprint_spreads_the_draw_evenly_and_gives_the_remainder_to_the_largest_objectives()
    {
        // Pool: b-one x2, b-two x4; draw 5: one round of 1+1, then 2+2 (b-one is then full), then b-two 1 more.
        var pool = Question(1, "b-one") + Question(2, "b-two") + Question(3, "b-two") + Question(4, "b-one") + Question(5, "b-two") + Question(6, "b-two");
        using var temp = new TempDir("policy");
        var (course, diagnostics) = Load(temp, "draw: 5\nblueprint: stratified\n", pool);
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.IsError);
        var data = QuizJson(course).GetProperty("modules")[0].GetProperty("quiz");
        Assert.Equal("""[{"objective":"b-one","count":2},{"objective":"b-two","count":3}]""", data.GetProperty("blueprint").GetRawText());
    }

    [Fact]
    public void A_stratified_odd_remainder_goes_to_the_objective_with_more_items_then_to_the_first_in_the_pool()
    {
        var pool = Question(1, "b-one") + Question(2, "b-two") + Question(3, "b-two") + Question(4, "b-one");
        using var temp = new TempDir("policy");
        var (course, _) = Load(temp, "draw: 3\nblueprint: stratified\n", pool);
        Assert.Equal([("b-one", 2), ("b-two", 1)], BlueprintPlan.Resolve(course.Modules[0].Quiz!)!.Select(e => (e.ObjectiveId, e.Count)));

        using var temp2 = new TempDir("policy");
        var (course2, _) = Load(temp2, "draw: 3\nblueprint: stratified\n", pool + Question(5, "b-two"));
        Assert.Equal([("b-one", 1), ("b-two", 2)], BlueprintPlan.Resolve(course2.Modules[0].Quiz!)!.Select(e => (e.ObjectiveId, e.Count)));
    }

    [Fact]
    public void A_stratified_blueprint_needs_as_many_questions_with_objectives_as_the_draw()
    {
        var pool = Question(1, "b-one") + Question(2, "b-two") + Question(3, "b-two").Replace(" objective=b-two", "");
        using var temp = new TempDir("policy");
        var (_, diagnostics) = Load(temp, "draw: 3\nblueprint: stratified\n", pool);
        var found = diagnostics.Sorted().Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code}").ToList();
        Assert.Equal(["4:1 CB0035", "4:1 CB0037"], found);
    }

    [Fact]
    public void A_blueprint_objective_of_another_module_is_named_as_such()
    {
        using var temp = new TempDir("policy");
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        File.AppendAllText(Path.Combine(content, "modules", "02-more", "module.yml"), "objectives:\n  - id: m-one\n    text: Something.\n");
        var quizPath = Path.Combine(content, "modules", "01-basics", "quiz.md");
        File.WriteAllText(quizPath, File.ReadAllText(quizPath).Replace("  b-two: 1\n", "  b-two: 1\n  m-one: 1\n"));
        var diagnostics = new DiagnosticBag();
        LoadStage.Load(content, diagnostics);
        var blueprintError = Assert.Single(diagnostics.Sorted(), d => d.Code == "CB0034");
        Assert.Equal("blueprint objective 'm-one' belongs to module 'more', not to 'basics'", blueprintError.Message);
        Assert.Equal(7, blueprintError.Location.Line);
    }

    [Theory]
    [InlineData("blueprint: everything\n", "blueprint 'everything' must be 'stratified'")]
    [InlineData("blueprint:\n  b-one: -1\n", "field 'b-one' must be a whole number from 0 to 1000")]
    [InlineData("blueprint:\n  b-one: 0\n", "blueprint draws no items")]
    [InlineData("reveal-answers: afterpass\n", "reveal-answers 'afterpass' must be one of after-pass-or-last, after-last, always, never")]
    public void Invalid_policy_values_are_CB0004(string frontMatter, string fragment)
    {
        using var temp = new TempDir("policy");
        var (_, diagnostics) = Load(temp, frontMatter);
        var error = Assert.Single(diagnostics.Sorted(), d => d.IsError);
        Assert.Equal("CB0004", error.Code);
        Assert.Contains(fragment, error.Message);
    }
}
