using System.Text.RegularExpressions;
using CourseBuilder.Build;
using CourseBuilder.Html;
using CourseBuilder.Loading;
using CourseBuilder.Model;

namespace CourseBuilder.Scaffolding;

/// <summary><c>coursebuilder new module|lesson NAME</c>: files that pass <c>check</c> as written, for authors to fill in.</summary>
public static partial class Scaffolder
{
    /// <summary>Creates <c>modules/NN-slug/</c> with module.yml, a first lesson and a quiz; returns the folder.</summary>
    public static string NewModule(string contentDirectory, string name)
    {
        var slug = Slug(name);
        // The longest id the files below write; checked before anything is created.
        CheckIdLength(name, $"{slug}-introduction-check");
        var modules = Path.Combine(contentDirectory, LoadStage.ModulesFolder);
        Directory.CreateDirectory(modules);
        if (Directory.GetDirectories(modules).Any(d => SlugOf(Path.GetFileName(d)) == slug))
            throw new UsageException($"a module named '{slug}' already exists in {modules}");
        var folder = Path.Combine(modules, $"{NextNumber(Directory.GetDirectories(modules)):00}-{slug}");
        Directory.CreateDirectory(folder);
        var title = Title(name);
        var moduleFile = Path.Combine(folder, LoadStage.ModuleFile);
        File.WriteAllText(moduleFile, Modeline(contentDirectory, moduleFile, "module") + $"""
            title: {title}
            description: >
              One or two sentences on what this module covers and why it matters.
            minutes: 30
            objectives:
              - id: {slug}-o1
                text: Identify the main idea of this module.
            quiz-unlock: all-lessons

            """);
        File.WriteAllText(Path.Combine(folder, "01-introduction.md"), LessonText("Introduction", $"{slug}-introduction", $"{slug}-o1"));
        File.WriteAllText(Path.Combine(folder, LoadStage.QuizFile), $"""
            ---
            title: Module quiz
            draw: 2
            pass-mark: 50    # with 2 drawn, one wrong answer scores 50%; raise it when you draw more (see CB0100)
            ---

            Answer the questions below. You need the course's pass mark to pass.

            ::: question id={slug}-q1 objective={slug}-o1
            Which statement states the main idea of this module?

            - [x] The correct statement
              > Right: say why it is right.
            - [ ] A plausible but wrong statement
              > Not quite: say why it is wrong.

            Explanation: Explain the answer and cite its source.
            :::

            ::: question id={slug}-q2 type=true-false objective={slug}-o1
            A statement the learner judges true or false.

            - [x] True
              > Right: say why.
            - [ ] False
              > Not quite: say why.

            Explanation: Explain the answer and cite its source.
            :::

            ::: question id={slug}-q3 objective={slug}-o1
            A short case: who, where, what happened. What should the student do next?

            - [ ] A plausible but wrong action
              > Not quite: say why it is wrong.
            - [x] The right action
              > Right: say why it is right.

            Explanation: Keep the pool at least twice the draw, so retakes do not repeat it (CB0101).
            :::

            ::: question id={slug}-q4 type=true-false objective={slug}-o1
            Another statement, this one false.

            - [ ] True
              > Not quite: say why.
            - [x] False
              > Right: say why.

            Explanation: Explain the answer and cite its source.
            :::

            """);
        return folder;
    }

    /// <summary>Adds the next lesson to the module whose id or folder matches <paramref name="moduleId"/>; returns the file.</summary>
    public static string NewLesson(string contentDirectory, string moduleId, string name)
    {
        var folder = ModuleFolder(contentDirectory, moduleId);
        var slug = Slug(name);
        CheckIdLength(name, $"{SlugOf(Path.GetFileName(folder))}-{slug}-check");
        var existing = Directory.GetFiles(folder, "*.md");
        if (existing.Any(f => SlugOf(Path.GetFileNameWithoutExtension(f)) == slug))
            throw new UsageException($"a lesson named '{slug}' already exists in {folder}");
        var path = Path.Combine(folder, $"{NextNumber(existing.Where(f => !f.EndsWith(LoadStage.QuizFile) && !f.EndsWith(LoadStage.FacilitatorFile))):00}-{slug}.md");
        File.WriteAllText(path, LessonText(Title(name), $"{SlugOf(Path.GetFileName(folder))}-{slug}", null));
        return path;
    }

    /// <summary>
    /// Copies the built-in template <paramref name="name"/> into the course's templates/ folder,
    /// or the module's, as the starting point of an override; never over an existing file.
    /// </summary>
    public static string NewTemplate(string contentDirectory, string name, string? moduleId)
    {
        var normalized = TemplateLookup.Normalize(name);
        if (!TemplateLookup.BuiltInNames.Contains(normalized, StringComparer.Ordinal))
            throw new UsageException($"'{name}' is not a built-in template; they are {string.Join(", ", TemplateLookup.BuiltInNames)}");
        if (!File.Exists(Path.Combine(contentDirectory, LoadStage.CourseFile)))
            throw new UsageException($"{contentDirectory} holds no {LoadStage.CourseFile}: give the content folder with --content");
        var root = moduleId is null ? contentDirectory : ModuleFolder(contentDirectory, moduleId);
        var path = Path.Combine(root, TemplateEngine.OverrideFolder, normalized + TemplateLookup.Extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(TemplateLookup.BuiltIn(normalized));
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new UsageException($"{path} already exists: edit it, or delete it to start again from the built-in template");
        }
        return path;
    }

    private static string ModuleFolder(string contentDirectory, string moduleId)
    {
        var modules = Path.Combine(contentDirectory, LoadStage.ModulesFolder);
        var folder = Directory.Exists(modules)
            ? Directory.GetDirectories(modules).FirstOrDefault(d => SlugOf(Path.GetFileName(d)) == moduleId || Path.GetFileName(d) == moduleId)
            : null;
        return folder ?? throw new UsageException($"no module folder for '{moduleId}' under {modules}");
    }

    private static string LessonText(string title, string idPrefix, string? objective) => $"""
        ---
        title: {title}
        objectives: [{objective}]
        minutes: 10
        ---

        Write the lesson here in Markdown. Keep paragraphs short.

        ::: key-point
        The one thing to remember from this lesson.
        :::

        ::: question id={idPrefix}-check
        A knowledge check: what should the learner notice?

        - [x] The right answer
          > Right: say why.
        - [ ] A tempting wrong answer
          > Not quite: say why.

        Explanation: Explain the answer and cite its source.
        :::

        """;

    private static int NextNumber(IEnumerable<string> paths) =>
        paths.Select(p => NumberPrefix().Match(Path.GetFileName(p)))
             .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value))
             .DefaultIfEmpty(0).Max() + 1;

    private static string SlugOf(string name) => NumberPrefix().Replace(name, "");

    public static string Slug(string name)
    {
        var slug = NonSlug().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        if (slug.Length == 0 || !char.IsAsciiLetter(slug[0]))
            throw new UsageException($"'{name}' does not make a usable name: start it with a letter");
        return slug;
    }

    /// <summary>
    /// A name becomes a folder or file name and the ids in the scaffolded files; ids are limited
    /// to 64 characters (<see cref="Ids.IsValid"/>), which also keeps every name well under the
    /// file system's 255-byte limit. A longer name is refused before anything is written.
    /// </summary>
    private static void CheckIdLength(string name, string longestId)
    {
        if (Ids.IsValid(longestId)) return;
        var shown = name.Length > 40 ? name[..40].ReplaceLineEndings(" ") + "…" : name.ReplaceLineEndings(" ");
        throw new UsageException(
            $"the name '{shown}' ({name.Length} characters) is too long: it would make the id '{longestId[..Math.Min(40, longestId.Length)]}…' " +
            $"of {longestId.Length} characters, and ids have at most 64; use a shorter name");
    }

    private static string Title(string name)
    {
        var words = NonSlug().Replace(name, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select((w, i) => i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
    }

    [GeneratedRegex(@"^(\d+)-")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.IgnoreCase)]
    private static partial Regex NonSlug();
}
