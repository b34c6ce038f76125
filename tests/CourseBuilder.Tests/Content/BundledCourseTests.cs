using System.Globalization;
using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;
using CourseBuilder.Markdown;
using CourseBuilder.Markdown.Discussions;
using CourseBuilder.Markdown.Reflections;
using CourseBuilder.Model;
using CourseBuilder.Tests.Support;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;

namespace CourseBuilder.Tests.Content;

/// <summary>
/// The teaching and assessment rules of issue 13 (second edition), checked on the course that ships in content/.
/// Quiz policy (blueprint, review, reveal-answers) is read from quiz.md's front matter text, so these rules hold
/// whichever parts of the policy model the loader implements.
/// One file over 300 lines on purpose: it is the course's review checklist, read top to bottom by
/// whoever edits content/, and each rule is a short test beside the others.
/// </summary>
public sealed partial class BundledCourseTests
{
    private static readonly Lazy<(Course Course, IReadOnlyList<Diagnostic> Diagnostics)> Loaded = new(() =>
    {
        var bag = new DiagnosticBag();
        var course = LoadStage.Load(TestPaths.BundledContent, bag);
        return (course!, bag.Sorted());
    });

    private static Course Course => Loaded.Value.Course;

    private static IEnumerable<Question> Graded => Course.Modules.SelectMany(m => m.Quiz!.Pool);

    public static TheoryData<string> ModuleIds() => new(Loaded.Value.Course.Modules.Select(m => m.Id));

    private static Module ModuleById(string id) => Course.Modules.Single(m => m.Id == id);

    [Fact]
    public void CheckReportsNoErrorsAndNoWarnings() =>
        Assert.True(Loaded.Value.Diagnostics.Count == 0, string.Join("\n", Loaded.Value.Diagnostics.Select(d => d.Format())));

    [Fact]
    public void TheCourseHasTheFiveModulesOfTheSecondEdition() =>
        Assert.Equal(["why-it-matters", "access-and-voice", "five-practices", "patient-privacy", "patients-and-the-public"],
            Course.Modules.Select(m => m.Id));

    [Fact]
    public void GuidesPrintOnLetterAndTheScopeNoteOpensTheCourse()
    {
        Assert.Equal(PageSize.Letter, Course.PageSize);
        Assert.Equal("en-US", Course.Language);
        Assert.Contains("United States", Course.Subtitle);
        Assert.Contains("policy is stricter, that policy governs", Course.Subtitle);
        var firstLesson = File.ReadAllText(Course.Modules[0].Lessons[0].SourcePath);
        Assert.Contains("::: key-point Scope of this course", firstLesson);
        Assert.Contains("Where those policies are\nstricter than what you read here, they govern.", firstLesson.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(ModuleIds))]
    public void EachModuleHasTwoToFourLessonsWithUngradedKnowledgeChecks(string moduleId)
    {
        var module = ModuleById(moduleId);
        Assert.InRange(module.Lessons.Count, 2, 4);
        Assert.NotEmpty(module.Lessons.SelectMany(l => l.Questions));
        Assert.All(module.Lessons.SelectMany(l => l.Questions), q => Assert.False(q.Graded));
    }

    [Theory]
    [MemberData(nameof(ModuleIds))]
    public void LessonMinutesAddUpToTheModuleAndTheCourseTakesNinetyToOneHundredFiftyMinutes(string moduleId)
    {
        var module = ModuleById(moduleId);
        Assert.Equal(module.Minutes, module.Lessons.Sum(l => l.Minutes));
        Assert.InRange(Course.Modules.Sum(m => m.Minutes), 90, 150);
    }

    [Theory]
    [MemberData(nameof(ModuleIds))]
    public void EachQuizDrawsEightOrMoreByABlueprintOverEveryObjectiveFromAPoolTwiceTheDraw(string moduleId)
    {
        var module = ModuleById(moduleId);
        var policy = QuizPolicy.Read(module.Quiz!.SourcePath);
        Assert.Equal(module.Objectives.Select(o => o.Id).Order(), policy.Blueprint.Keys.Order());
        var draw = policy.Blueprint.Values.Sum();
        Assert.True(draw >= 8, $"draw {draw}");
        Assert.Equal(draw, module.Quiz.Draw);
        Assert.Equal(policy.Blueprint.OrderBy(e => e.Key, StringComparer.Ordinal),
            module.Quiz.Blueprint!.Entries.Select(e => KeyValuePair.Create(e.ObjectiveId, e.Count)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.True(module.Quiz.Pool.Count >= 2 * draw, $"pool {module.Quiz.Pool.Count} for draw {draw}");
        foreach (var objective in module.Objectives)
        {
            Assert.Matches(MeasurableVerb(), objective.Text);
            var inPool = module.Quiz.Pool.Count(q => q.ObjectiveId == objective.Id);
            Assert.True(inPool >= 2 * policy.Blueprint[objective.Id], $"{objective.Id}: {inPool} items for {policy.Blueprint[objective.Id]} drawn");
        }
        Assert.All(module.Quiz.Pool, q => Assert.Contains(q.ObjectiveId, policy.Blueprint.Keys));
    }

    [Theory]
    [MemberData(nameof(ModuleIds))]
    public void EachQuizHasLimitedAttemptsAPassMarkReachableWithOneMissAndRevealsAnswersOnlyAfterAPassOrTheLastAttempt(string moduleId)
    {
        var module = ModuleById(moduleId);
        var policy = QuizPolicy.Read(module.Quiz!.SourcePath);
        Assert.InRange(module.Attempts(Course), 2, 5);
        var draw = policy.Blueprint.Values.Sum();
        Assert.True((draw - 1) * 100 >= module.PassMark(Course) * draw, $"pass mark {module.PassMark(Course)}% needs a perfect score of {draw}");
        Assert.Equal("feedback", policy.Review);
        Assert.Equal("after-pass-or-last", policy.RevealAnswers);
        Assert.True(module.Quiz.Shuffle);
    }

    [Fact]
    public void GradedItemsAreSingleBestAnswerWithNoTrueFalseNoAllOrNoneOfTheAboveAndNoNegativeStems()
    {
        foreach (var q in Graded)
        {
            Assert.NotEqual(QuestionType.TrueFalse, q.Type);
            Assert.Equal(QuestionType.Single, q.Type);
            Assert.Single(q.CorrectChoices);
            Assert.InRange(q.Choices.Count, 4, 5);
            Assert.DoesNotMatch(AboveOption(), string.Join("\n", q.Choices.Select(c => c.PlainText)));
            Assert.DoesNotMatch(NegativeStem(), q.StemText);
        }
    }

    [Fact]
    public void KeysAreSpreadAcrossPositionsAndAreRarelyTheLongestOption()
    {
        var graded = Graded.ToList();
        Assert.True(graded.Count >= 80, $"{graded.Count} graded items");
        foreach (var position in "abcd")
        {
            var share = graded.Count(q => q.CorrectChoices.Single().Key == position) / (double)graded.Count;
            Assert.InRange(share, 0.15, 0.35);
        }
        var longest = graded.Count(q => q.CorrectChoices.Single().PlainText.Length == q.Choices.Max(c => c.PlainText.Length));
        Assert.True(longest <= graded.Count / 4, $"the key is the longest option in {longest} of {graded.Count} items");
    }

    [Fact]
    public void KnowledgeChecksDoNotRepeatGradedItems()
    {
        var gradedStems = Graded.Select(q => Normalize(q.StemText)).ToHashSet();
        foreach (var check in Course.Modules.SelectMany(m => m.Lessons).SelectMany(l => l.Questions))
            Assert.DoesNotContain(Normalize(check.StemText), gradedStems);
    }

    [Fact]
    public void EveryChoiceHasFeedbackAndEveryQuestionAnExplanationCitingItsSource()
    {
        var questions = Course.AllQuestions.ToList();
        Assert.True(questions.Count >= 90);
        foreach (var question in questions)
        {
            Assert.All(question.Choices, c => Assert.True(c.Feedback.Count > 0, $"{question.Id} choice {c.Key} has no feedback"));
            var explanation = PlainText.Of(question.Explanation);
            Assert.True(Citation().IsMatch(explanation), $"{question.Id}: explanation cites no source: {explanation}");
        }
    }

    [Fact]
    public void QuizzesAndLessonsHoldScenarios()
    {
        Assert.True(Graded.Count(q => q.Scenario is not null) >= 3);
        Assert.True(Course.Modules.SelectMany(m => m.Lessons).SelectMany(l => l.Questions).Count(q => q.Scenario is not null) >= 2);
    }

    [Theory]
    [MemberData(nameof(ModuleIds))]
    public void EachModuleHasAReflectionDiscussionPromptsDebriefNotesAndOneConsistentTimingPlan(string moduleId)
    {
        var module = ModuleById(moduleId);
        Assert.Contains(module.Lessons, l => l.Document.Descendants<ReflectionBlock>().Any());
        Assert.NotNull(module.Facilitator);
        Assert.NotEmpty(module.Facilitator.Document.Descendants<DiscussionBlock>());
        var text = File.ReadAllText(module.Facilitator.SourcePath).ReplaceLineEndings("\n");
        Assert.Contains("## Debrief notes", text);
        var plans = TimingPlans(text);
        Assert.NotEmpty(plans);
        foreach (var (sum, total) in plans) Assert.Equal(total, sum);
    }

    [Fact]
    public void TheFirstModulesFacilitatorNotesHoldASingleSessionPlanOfSixtyToNinetyMinutes()
    {
        var text = File.ReadAllText(Course.Modules[0].Facilitator!.SourcePath).ReplaceLineEndings("\n");
        var at = text.IndexOf("## The whole course in one session", StringComparison.Ordinal);
        Assert.True(at >= 0, "no single-session plan");
        var section = text[at..];
        var (sum, total) = Assert.Single(TimingPlans(section));
        Assert.Equal(total, sum);
        Assert.InRange(total, 60, 90);
        Assert.Contains("**Pre-work", section);
        Assert.Contains("### Debrief notes for every scenario and case", section);
        Assert.Contains("### If a student discloses harassment or a breach", section);
        Assert.Contains("privacy officer or compliance office", section);
        // Every scenario in the course has a debrief note that names it.
        foreach (var scenario in Course.AllQuestions.Where(q => q.Scenario is not null))
            Assert.True(ScenarioNames.TryGetValue(scenario.Id, out var name) && section.Contains(name, StringComparison.Ordinal),
                $"no debrief note for scenario {scenario.Id}");
    }

    [Fact]
    public void SafetyCriticalGuidanceIsStatedCorrectly()
    {
        var all = string.Join("\n", Directory.GetFiles(TestPaths.BundledContent, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)).ReplaceLineEndings("\n");
        var flat = Regex.Replace(all, @"\s+", " ");
        Assert.DoesNotContain("Nothing further is needed", flat);
        Assert.DoesNotContain("whatever the medium", flat);
        Assert.Contains("every age over 89", flat, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("voice prints", flat);
        Assert.Contains("privacy officer or compliance office", flat);
        Assert.Contains("Deleting the post does not end the duty to report", flat);
        Assert.Contains("The 10 interviewed students only", flat);
        Assert.Contains("## What it cannot tell us", all);
        // The keyed answer to the patient's Instagram message redirects; it does not answer clinically in the chat.
        var message = Graded.Single(q => q.Id == "m5-s-swollen-ankles");
        Assert.Equal("Redirect briefly to the clinic or portal, and tell his resident", message.CorrectChoices.Single().PlainText);
    }

    [Fact]
    public void TheAmaArticleIsCitedWithItsTitleAndAddressAndTheAuthorsWordsAreQuoted()
    {
        foreach (var file in Directory.GetFiles(TestPaths.BundledContent, "*.md", SearchOption.AllDirectories))
        foreach (var line in File.ReadLines(file).Where(l => l.StartsWith("[^", StringComparison.Ordinal) && l.Contains("American Medical Association.") && !l.Contains("Code of Medical Ethics")))
        {
            Assert.Contains("7 ways Twitter can help you thrive in medical school", line);
            Assert.Contains("https://www.ama-assn.org/medical-students/medical-school-life/success-7-ways-twitter-can-help-you-thrive-medical-school", line);
        }
        var study = File.ReadAllText(Path.Combine(TestPaths.BundledContent, "modules", "01-why-it-matters", "02-the-study.md"));
        Assert.Contains("\"Twitter allowed them access and voice that supplemented their\nmedical school experience.\"", study.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void EveryLessonCitesItsReferencesAsFootnotes()
    {
        foreach (var lesson in Course.Modules.SelectMany(m => m.Lessons))
            Assert.True(lesson.Document.Descendants<FootnoteGroup>().Any(), $"{lesson.SourcePath} has no references");
    }

    [Fact]
    public void TheCourseNamesTodaysPlatformsAndTheRenameOfTwitter()
    {
        var text = string.Join(' ', Directory.GetFiles(TestPaths.BundledContent, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var platform in new[] { "X", "Bluesky", "Mastodon", "LinkedIn", "Instagram", "TikTok" })
            Assert.Contains(platform, text);
        Assert.Contains("23 July 2023", text);
    }

    /// <summary>The name each scenario's debrief note uses in the single-session plan.</summary>
    private static readonly Dictionary<string, string> ScenarioNames = new()
    {
        ["m2-s-expert-question"] = "The rural surgery question",
        ["m2-s-school-nurses"] = "The school nurse draft",
        ["m4-s-bed-four"] = "Bed 4 in the group chat",
        ["m4-s-ninety-three"] = "The 93-year-old teacher",
        ["m5-s-swollen-ankles"] = "A message on Instagram",
    };

    /// <summary>Each timing table's sum of its Minutes column, with the "Total: N minutes." line that follows it.</summary>
    private static List<(int Sum, int Total)> TimingPlans(string markdown)
    {
        var plans = new List<(int, int)>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("| Segment | Minutes |", StringComparison.Ordinal)) continue;
            var sum = 0;
            var j = i + 2;
            for (; j < lines.Length && lines[j].StartsWith('|'); j++)
                sum += int.Parse(lines[j].Split('|')[2].Trim(), CultureInfo.InvariantCulture);
            var total = lines.Skip(j).Select(l => TotalLine().Match(l)).First(m => m.Success);
            plans.Add((sum, int.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture)));
        }
        return plans;
    }

    private static string Normalize(string text) => Regex.Replace(text.ToLowerInvariant(), @"\W+", " ").Trim();

    /// <summary>The quiz policy keys of quiz.md's front matter, read as text.</summary>
    private sealed record QuizPolicy(Dictionary<string, int> Blueprint, string? Review, string? RevealAnswers)
    {
        public static QuizPolicy Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var end = Array.IndexOf(lines, "---", 1);
            var front = lines[1..end];
            var blueprint = new Dictionary<string, int>();
            var at = Array.IndexOf(front, "blueprint:");
            for (var i = at + 1; at >= 0 && i < front.Length && front[i].StartsWith("  ", StringComparison.Ordinal); i++)
            {
                var parts = front[i].Split(':', 2);
                blueprint[parts[0].Trim()] = int.Parse(parts[1].Trim(), CultureInfo.InvariantCulture);
            }
            string? Value(string key) => front.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))?[(key.Length + 1)..].Trim();
            return new QuizPolicy(blueprint, Value("review"), Value("reveal-answers"));
        }
    }

    [GeneratedRegex(@"^(Identify|Distinguish|Apply|Describe|Explain|Recognize|Compare|Evaluate|Plan|Create|Choose|Decide|Judge|Analy[sz]e|List|Name|Summarize|Outline|Draft|Classify|Select|Use|Respond|Give|Contrast)\b")]
    private static partial Regex MeasurableVerb();

    [GeneratedRegex(@"\((?:[^()]|\([^()]*\))*?\b(?:Chretien|Greysen|Farnan|AMA|HIPAA|CFR|FSMB)\b")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\b(all|none) of the (above|following)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboveOption();

    [GeneratedRegex(@"\b(NOT|EXCEPT|LEAST)\b")]
    private static partial Regex NegativeStem();

    [GeneratedRegex(@"^Total: (\d+) minutes\.$")]
    private static partial Regex TotalLine();
}
