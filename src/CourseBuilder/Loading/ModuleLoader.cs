using CourseBuilder.Diagnostics;
using CourseBuilder.Markdown.Questions;
using CourseBuilder.Model;
using Markdig.Syntax;

namespace CourseBuilder.Loading;

/// <summary>Loads one module folder: module.yml, its lessons in order, quiz.md and facilitator.md.</summary>
internal static class ModuleLoader
{
    public static Module? Load(string contentRoot, string folder, int number, string slug, bool allowScripts, DiagnosticBag diagnostics)
    {
        var modulePath = Path.Combine(folder, LoadStage.ModuleFile);
        if (!File.Exists(modulePath))
        {
            diagnostics.Error(DiagnosticCode.MissingFile, SourceLocation.File(modulePath), "module.yml not found: each module folder needs one with at least a title");
            return null;
        }
        var text = SourceFile.ReadText(modulePath, diagnostics);
        var yaml = text is null ? null : YamlMap.Parse(text, modulePath, 0, diagnostics);
        if (yaml is null) return null;

        var id = yaml.String("id") ?? slug;
        if (!Ids.IsValid(id))
            yaml.Error(DiagnosticCode.InvalidId, "id", $"module id '{id}' must start with a letter and use only letters, digits, '-' and '_'");
        var title = yaml.String("title", required: true) ?? slug;
        var description = yaml.String("description") ?? "";
        var minutes = yaml.Int("minutes", 0, 10000) ?? 0;
        var unlock = QuizUnlock.AllLessons;
        switch (yaml.String("quiz-unlock")?.ToLowerInvariant())
        {
            case null or "all-lessons": break;
            case "always": unlock = QuizUnlock.Always; break;
            case var other: yaml.Error(DiagnosticCode.InvalidValue, "quiz-unlock", $"quiz-unlock '{other}' must be 'all-lessons' or 'always'"); break;
        }
        var objectives = new List<Objective>();
        foreach (var item in yaml.MapList("objectives"))
        {
            var objectiveId = item.String("id", required: true);
            var objectiveText = item.String("text", required: true);
            item.WarnUnknownKeys("id", "text");
            if (objectiveId is null || objectiveText is null) continue;
            if (!Ids.IsValid(objectiveId))
                item.Error(DiagnosticCode.InvalidId, "id", $"objective id '{objectiveId}' must start with a letter and use only letters, digits, '-' and '_'");
            objectives.Add(new Objective(objectiveId, objectiveText, item.KeyLocation("id")));
        }
        var keywords = yaml.StringList("keywords");
        yaml.WarnUnknownKeys("id", "title", "description", "minutes", "objectives", "quiz-unlock", "keywords");

        var lessonFiles = LoadStage.OrderedEntries(
            Directory.GetFiles(folder, "*.md").Where(f => !IsSpecial(Path.GetFileName(f))).Order(StringComparer.Ordinal),
            diagnostics);
        var lessonPages = lessonFiles.ToDictionary(f => Path.GetFullPath(f.Path), f => Ids.LessonPage(id, f.Slug));

        var assets = new SortedSet<string>(StringComparer.Ordinal);
        var lessons = new List<Lesson>();
        foreach (var file in lessonFiles)
        {
            if (LoadLesson(contentRoot, file, id, allowScripts, lessonPages, assets, diagnostics) is { } lesson)
                lessons.Add(lesson);
        }
        if (lessonFiles.Count == 0)
            diagnostics.Error(DiagnosticCode.ModuleWithoutLessons, SourceLocation.File(modulePath),
                $"module '{id}' has no lessons: add a file such as '01-introduction.md' beside module.yml");

        var quizPath = Path.Combine(folder, LoadStage.QuizFile);
        var quiz = File.Exists(quizPath) ? LoadQuiz(contentRoot, quizPath, id, allowScripts, lessonPages, assets, diagnostics) : null;

        Facilitator? facilitator = null;
        var facilitatorPath = Path.Combine(folder, LoadStage.FacilitatorFile);
        if (File.Exists(facilitatorPath) && MarkdownFile.Read(facilitatorPath, diagnostics) is { } notes)
        {
            notes.FrontMatter.WarnUnknownKeys("title");
            var checker = new DocumentChecker(contentRoot, facilitatorPath, id + "-facilitator", false, allowScripts, lessonPages, diagnostics);
            checker.Check(notes.Document);
            assets.UnionWith(checker.Assets);
            facilitator = new Facilitator(notes.Document, facilitatorPath);
        }

        return new Module(id, number, title, description, minutes, objectives, lessons, quiz, facilitator, unlock, keywords,
            assets.ToList(), folder, yaml.Location);
    }


    private static bool IsSpecial(string fileName) =>
        fileName.Equals(LoadStage.QuizFile, StringComparison.OrdinalIgnoreCase) ||
        fileName.Equals(LoadStage.FacilitatorFile, StringComparison.OrdinalIgnoreCase) ||
        fileName.Equals("README.md", StringComparison.OrdinalIgnoreCase);

    private static Lesson? LoadLesson(string contentRoot, LoadStage.OrderedEntry file, string moduleId, bool allowScripts,
        IReadOnlyDictionary<string, string> lessonPages, SortedSet<string> assets, DiagnosticBag diagnostics)
    {
        if (MarkdownFile.Read(file.Path, diagnostics) is not { } md) return null;
        var fm = md.FrontMatter;
        var title = fm.String("title", required: true) ?? file.Slug;
        var objectives = fm.StringList("objectives");
        var minutes = fm.Int("minutes", 0, 10000) ?? 0;
        fm.WarnUnknownKeys("title", "objectives", "minutes");

        var checker = new DocumentChecker(contentRoot, file.Path, Ids.LessonPage(moduleId, file.Slug), graded: false, allowScripts, lessonPages, diagnostics);
        checker.Check(md.Document);
        assets.UnionWith(checker.Assets);
        return new Lesson(file.Slug, file.Number, title, objectives, minutes, md.Document, checker.Questions, file.Path, fm.Location)
        {
            ObjectiveLocations = objectives.Select((_, i) => fm.ItemLocation("objectives", i)).ToList(),
        };
    }

    private static Quiz? LoadQuiz(string contentRoot, string path, string moduleId, bool allowScripts,
        IReadOnlyDictionary<string, string> lessonPages, SortedSet<string> assets, DiagnosticBag diagnostics)
    {
        if (MarkdownFile.Read(path, diagnostics) is not { } md) return null;
        var fm = md.FrontMatter;
        var title = fm.String("title") ?? "Module quiz";
        var draw = fm.Int("draw", 1, 1000);
        var shuffle = fm.Bool("shuffle") ?? true;
        var passMark = fm.Int("pass-mark", 0, 100);
        var attempts = fm.Int("attempts", 0, 1000);
        var blueprint = QuizPolicyReader.Blueprint(fm);
        var review = QuizPolicyReader.Review(fm);
        var revealAnswers = QuizPolicyReader.RevealAnswers(fm);
        fm.WarnUnknownKeys("title", "draw", "shuffle", "pass-mark", "attempts", "blueprint", "review", "reveal-answers");

        var checker = new DocumentChecker(contentRoot, path, Ids.QuizPage(moduleId), graded: true, allowScripts, lessonPages, diagnostics);
        checker.Check(md.Document);
        assets.UnionWith(checker.Assets);
        var pool = checker.Questions;
        var count = md.Document.Descendants<QuestionBlock>().Count();
        if (count == 0)
            diagnostics.Error(DiagnosticCode.QuizWithoutQuestions, fm.Location, "quiz.md has no questions: add '::: question' blocks, or delete the file for a module without a graded quiz");
        if (draw is { } d && d > count && count > 0)
            fm.Error(DiagnosticCode.PoolTooSmall, "draw", $"quiz draws {d} questions but its pool holds only {count}");
        var drawn = QuizPolicyReader.Draw(fm, draw, blueprint) ?? count;
        return new Quiz(title, Math.Min(drawn, Math.Max(count, 1)), shuffle, passMark, attempts, md.Document, pool, path, fm.Location)
        {
            Blueprint = blueprint, Review = review, RevealAnswers = revealAnswers,
        };
    }
}
