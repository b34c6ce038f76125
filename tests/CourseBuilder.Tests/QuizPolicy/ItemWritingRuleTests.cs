using CourseBuilder.Diagnostics;
using CourseBuilder.Loading.ItemWriting;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Model;
using Markdig.Syntax;

namespace CourseBuilder.Tests.QuizPolicy;

/// <summary>The borderline of each item-writing rule (CB0100-CB0108): just inside and just outside its threshold.</summary>
public sealed class ItemWritingRuleTests
{
    private static readonly SourceLocation QuizAt = new("quiz.md", 2, 1);

    private static Question Parse(string markdown, bool graded = true)
    {
        var document = CourseMarkdown.Parse(markdown);
        return QuestionBinder.Bind(document.Descendants<QuestionBlock>().Single(), graded, "quiz.md", new DiagnosticBag())!;
    }

    private static Question Item(int n, string? objective = null, string stem = "What should she do next?",
        string right = "Ask first", string wrong = "Post it at once", string type = "single", bool graded = true) => Parse($"""
        ::: question id=q{n} type={type}{(objective is null ? "" : " objective=" + objective)}
        {stem}

        - [x] {right}
          > Because.
        - [ ] {wrong}
          > Because not.

        Explanation: Why.
        :::
        """, graded);

    private static Question TrueFalse(int n, bool keyTrue) => Parse($"""
        ::: question id=tf{n} type=true-false
        Statement {n}.

        - [{(keyTrue ? "x" : " ")}] True
          > Why.
        - [{(keyTrue ? " " : "x")}] False
          > Why.

        Explanation: Why.
        :::
        """);

    private static Model.Quiz QuizOf(int draw, IReadOnlyList<Question> pool, Blueprint? blueprint = null) =>
        new("Quiz", draw, true, null, null, new MarkdownDocument(), pool, "quiz.md", QuizAt) { Blueprint = blueprint };

    private static List<string> Codes(IEnumerable<Finding> findings) => findings.Select(f => f.Code.Id).ToList();

    // CB0100
    [Theory]
    [InlineData(75, 4, false)]   // 3 of 4 scores 75
    [InlineData(76, 4, true)]
    [InlineData(80, 4, true)]    // the example of the rules: 80% of 4 is 4 of 4
    [InlineData(80, 5, false)]
    [InlineData(81, 5, true)]
    [InlineData(67, 3, false)]   // 2 of 3 is 66.7, which the player rounds to 67
    [InlineData(68, 3, true)]
    [InlineData(50, 2, false)]
    [InlineData(51, 2, true)]
    [InlineData(1, 1, true)]
    [InlineData(0, 1, false)]
    public void A_pass_mark_needs_a_perfect_score_when_one_wrong_answer_scores_below_it(int passMark, int draw, bool perfect) =>
        Assert.Equal(perfect, PoolRules.NeedsPerfectScore(passMark, draw));

    [Fact]
    public void The_score_rounds_half_up_like_the_player()
    {
        Assert.Equal(67, PoolRules.Score(2, 3));
        Assert.Equal(33, PoolRules.Score(1, 3));
        Assert.Equal(13, PoolRules.Score(1, 8));   // 12.5 rounds up
        Assert.Equal(75, PoolRules.Score(3, 4));
    }

    // CB0101
    [Theory]
    [InlineData(8, 4, false)]
    [InlineData(7, 4, true)]
    [InlineData(4, 2, false)]
    [InlineData(3, 2, true)]
    public void A_pool_under_twice_the_draw_is_reported(int pool, int draw, bool reported)
    {
        var quiz = QuizOf(draw, Enumerable.Range(1, pool).Select(n => Item(n)).ToList());
        Assert.Equal(reported ? ["CB0101"] : [], Codes(PoolRules.DrawRules(quiz, passMark: 0)));
    }

    // CB0102
    [Fact]
    public void An_objective_is_skippable_when_the_other_items_alone_fill_the_draw()
    {
        // o1 has 2 of 6 items: the other 4 fill a draw of 4, but not a draw of 5.
        var pool = new[] { Item(1, "o1"), Item(2, "o1"), Item(3, "o2"), Item(4, "o2"), Item(5, "o2"), Item(6, "o2") };
        Assert.Equal([("o1", 2)], PoolRules.SkippableObjectives(QuizOf(4, pool)));
        Assert.Empty(PoolRules.SkippableObjectives(QuizOf(5, pool)));
        // An item without an objective counts among "the others".
        var withLoose = pool.Take(5).Append(Item(7)).ToArray();
        Assert.Equal([("o1", 2), ("o2", 3)], PoolRules.SkippableObjectives(QuizOf(3, withLoose)));
    }

    [Fact]
    public void A_blueprint_silences_the_skippable_objective_rule()
    {
        var pool = new[] { Item(1, "o1"), Item(2, "o1"), Item(3, "o2"), Item(4, "o2"), Item(5, "o2"), Item(6, "o2"), Item(7, "o2"), Item(8, "o2") };
        Assert.Equal(["CB0102"], Codes(PoolRules.DrawRules(QuizOf(4, pool), passMark: 0)));
        Assert.Empty(PoolRules.DrawRules(QuizOf(4, pool, new Blueprint(true, [])), passMark: 0));
    }

    // CB0103
    [Theory]
    [InlineData("All of the above", true)]
    [InlineData("None of these", true)]
    [InlineData("Both of the above", true)]
    [InlineData("Above all, ask the patient", false)]
    [InlineData("None of the patients agreed", false)]
    public void All_or_none_of_the_above_is_reported(string choice, bool reported) =>
        Assert.Equal(reported ? ["CB0103"] : [], Codes(StemRules.Check(Item(1, wrong: choice))));

    // CB0104
    [Theory]
    [InlineData("Which two of these are benefits of the access domain?", "Which two")]
    [InlineData("What are the four benefits of the access domain?", "four benefits")]
    [InlineData("Name the three main risks.", "Name the three")]
    [InlineData("Select 3 of the following.", "Select 3")]
    [InlineData("Which of these are benefits of the access domain? Tick all that apply.", null)]
    [InlineData("She read two posts. Which of these are risks?", null)]   // the count is in the vignette, not the question
    [InlineData("What is the one benefit that matters?", null)]
    [InlineData("Which posts from 2019 are still visible?", null)]
    public void A_count_in_the_lead_in_is_found(string stem, string? cue) =>
        Assert.Equal(cue, StemRules.CountCue(StemRules.LeadIn(stem)));

    [Fact]
    public void The_count_cue_rule_applies_to_multiple_response_items_only()
    {
        Assert.Equal(["CB0104"], Codes(StemRules.Check(Item(1, stem: "Which two are right?", type: "multiple"))));
        Assert.Empty(StemRules.Check(Item(1, stem: "Which two are right?")));
    }

    // CB0105
    [Theory]
    [InlineData("Which post is not acceptable?", true)]
    [InlineData("Which post is NOT acceptable?", false)]
    [InlineData("Which post is **not** acceptable?", false)]
    [InlineData("All are acceptable *except*:", false)]
    [InlineData("All are acceptable except:", true)]
    [InlineData("Which post is the least risky?", true)]
    [InlineData("How often should she check, at least?", false)]
    [InlineData("She did not ask the patient. What should she do next?", false)]
    [InlineData("What should she never do?", true)]
    public void A_negative_lead_in_must_be_emphasised(string stem, bool reported) =>
        Assert.Equal(reported ? ["CB0105"] : [], Codes(StemRules.Check(Item(1, stem: stem))));

    // CB0106
    [Fact]
    public void True_false_keys_all_one_way_need_three_items()
    {
        Assert.Null(PoolRules.TrueFalseKeysOneWay([TrueFalse(1, true), TrueFalse(2, true)]));
        Assert.Equal("true", PoolRules.TrueFalseKeysOneWay([TrueFalse(1, true), TrueFalse(2, true), TrueFalse(3, true)]));
        Assert.Equal("false", PoolRules.TrueFalseKeysOneWay([TrueFalse(1, false), TrueFalse(2, false), TrueFalse(3, false)]));
        Assert.Null(PoolRules.TrueFalseKeysOneWay([TrueFalse(1, true), TrueFalse(2, true), TrueFalse(3, false)]));
    }

    // CB0107
    [Theory]
    [InlineData(2, 5, false)]   // 40% is allowed
    [InlineData(3, 5, true)]
    [InlineData(1, 4, false)]
    [InlineData(2, 4, true)]
    [InlineData(3, 3, false)]   // fewer than four single-choice items: no pattern to speak of
    [InlineData(4, 10, false)]
    [InlineData(5, 10, true)]
    public void The_longest_choice_may_be_the_key_in_at_most_40_percent(int longest, int single, bool reported) =>
        Assert.Equal(reported, PoolRules.LongestIsKeyTooOften(longest, single));

    [Fact]
    public void The_key_counts_as_longest_only_when_strictly_longer()
    {
        Assert.True(PoolRules.CorrectIsLongest(Item(1, right: "Ask the patient first", wrong: "Post it")));
        Assert.False(PoolRules.CorrectIsLongest(Item(1, right: "Ask you", wrong: "Post it")));   // same length
        Assert.False(PoolRules.CorrectIsLongest(Item(1, right: "Ask", wrong: "Post it now")));
    }

    [Fact]
    public void The_longest_key_rule_reports_the_pool_with_the_item_ids()
    {
        var pool = new[] { Item(1, right: "A longer right answer"), Item(2, right: "A longer right answer"), Item(3), Item(4) };
        var finding = Assert.Single(PoolRules.KeyPatterns(QuizOf(2, pool)));
        Assert.Equal("CB0107", finding.Code.Id);
        Assert.StartsWith("in 2 of 4 single-choice questions the correct choice is the longest (q1, q2)", finding.Message);
    }

    // CB0108
    [Fact]
    public void Jaccard_at_the_threshold_is_reported_and_just_under_is_not()
    {
        Assert.Equal(0.8, Similarity.Jaccard(Similarity.Words("a b c d"), Similarity.Words("a b c d e")));
        var fifteen = "a b c d e f g h i j k l m n o";
        Assert.Equal(15.0 / 19, Similarity.Jaccard(Similarity.Words(fifteen + " p q"), Similarity.Words(fifteen + " r s")));
        Assert.True(15.0 / 19 < Similarity.Threshold);
    }

    [Fact]
    public void A_knowledge_check_sharing_80_percent_of_its_words_with_a_graded_item_is_reported()
    {
        // Graded: 8 stem words + "yes", "no" = 10 words.
        var graded = Item(1, stem: "alpha bravo charlie delta echo foxtrot golf hotel?", right: "yes", wrong: "no");
        // 8 of those words and nothing else: 8 / 10 = 0.8.
        var near = Item(2, stem: "alpha bravo charlie delta echo foxtrot?", right: "yes", wrong: "no", graded: false);
        // 8 shared, one new word: 8 / 11.
        var apart = Item(3, stem: "alpha bravo charlie delta echo foxtrot india?", right: "yes", wrong: "no", graded: false);

        var finding = Assert.Single(Similarity.RepeatedItems([near, apart], [graded]));
        Assert.Equal("CB0108", finding.Code.Id);
        Assert.StartsWith("knowledge check 'q2' is nearly graded question 'q1' (quiz.md:1; 80% of their words shared)", finding.Message);
    }
}
