namespace CourseBuilder.Tests.Scorm;

/// <summary>
/// A small course written to a temp folder: module "basics" with a graded quiz (pass mark 70,
/// overriding the course's 75), keywords and an image; module "extras" with no quiz and a
/// description longer than LOM allows.
/// </summary>
public sealed class FixtureCourse : IDisposable
{
    public const string CourseId = "fixture-course";
    public const int CoursePassMark = 75;
    public const int BasicsPassMark = 70;
    public static readonly DateOnly ReleaseDate = new(2026, 3, 14);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cb-scorm-" + Guid.NewGuid().ToString("N"));
    public string Content => Path.Combine(Root, "content");

    public static string LongDescription { get; } =
        string.Join(' ', Enumerable.Range(1, 60).Select(i => $"Sentence {i} of a description that goes on."));

    public FixtureCourse(int choicesInQuizQuestion = 3)
    {
        Write("course.yml", $"""
            id: {CourseId}
            title: Fixture course
            subtitle: For packaging tests
            institution: Test School
            language: en-GB
            version: 2.1.0
            release-date: {ReleaseDate:yyyy-MM-dd}
            authors: [Test Author]
            pass-mark: {CoursePassMark}
            attempts: 0
            outputs: [scorm12, scorm2004]
            theme:
              accent: "#1d5d90"
            """);

        Write("modules/01-basics/module.yml", """
            title: "Basics: the first module"
            description: >
              What the first module covers, in one sentence.
            minutes: 95
            keywords: [privacy, professionalism, social media]
            objectives:
              - id: b-one
                text: Recall the basic facts.
            """);
        Write("modules/01-basics/01-start.md", """
            ---
            title: Start here
            objectives: [b-one]
            minutes: 10
            ---

            Some text with a figure.

            ![A diagram of the basics](diagram.svg "Figure 1. The basics.")
            """);
        Write("modules/01-basics/diagram.svg",
            """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>""");
        var choices = string.Join("\n", Enumerable.Range(0, choicesInQuizQuestion)
            .Select(i => $"- [{(i == 0 ? "x" : " ")}] Choice {i + 1}\n  > Feedback {i + 1}."));
        Write("modules/01-basics/quiz.md", $"""
            ---
            title: Basics quiz
            draw: 2
            pass-mark: {BasicsPassMark}
            ---

            Two questions.

            ::: question id=b-q1 objective=b-one
            Which choice is right?

            {choices}

            Explanation: The first one.
            :::

            ::: question id=b-q2 objective=b-one type=true-false
            The basics are basic.

            - [x] True
              > Yes.
            - [ ] False
              > No.

            Explanation: They are.
            :::
            """);

        Write("modules/02-extras/module.yml", $"""
            title: Extras
            description: {LongDescription}
            minutes: 20
            objectives:
              - id: e-one
                text: Read the extras.
            """);
        Write("modules/02-extras/01-more.md", """
            ---
            title: More
            objectives: [e-one]
            minutes: 20
            ---

            Ungraded reading only.
            """);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
