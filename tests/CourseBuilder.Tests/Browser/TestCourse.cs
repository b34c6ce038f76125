using System.Text;

namespace CourseBuilder.Tests.Browser;

/// <summary>
/// Content written by the tests, so the SCORM tests know every key: "basics" (two lessons with
/// each interactive element, a three-question quiz, two attempts, pass mark 80), "reading" (no
/// quiz) and "big" (59 lessons and a 100-question quiz: the suspend_data bound).
/// </summary>
public static class TestCourse
{
    public const string Basics = "basics", Reading = "reading", Big = "big";
    public const int BigLessons = 59, BigQuestions = 100;

    public static void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "course.yml"), """
            id: runtime-tests
            title: Runtime test course
            institution: Test School
            language: en-US
            version: 1.0.0
            release-date: 2026-11-27
            authors: [Test Author]
            pass-mark: 80
            attempts: 0
            page-size: A4
            outputs: [html, scorm12, scorm2004]
            allow-raw-scripts: false
            theme:
              accent: "#8a1538"
            """);

        var basics = Module(dir, "01-basics", "Basics", "b-goal", "all-lessons");
        File.WriteAllText(Path.Combine(basics, "01-first.md"), """
            ---
            title: First lesson
            objectives: [b-goal]
            minutes: 5
            ---

            An opening paragraph with a [link](https://example.org).

            ::: key-point
            A key point.
            :::

            ::: reveal Show the hidden text
            The hidden text.
            :::

            ::: question id=b-check objective=b-goal
            Which letter comes first?

            - [x] A
              > Right: A is first.
            - [ ] B
              > B comes second.

            Explanation: The alphabet starts with A.
            :::

            ::: reflection id=b-reflect
            What did you notice?
            :::
            """);
        File.WriteAllText(Path.Combine(basics, "02-second.md"), """
            ---
            title: Second lesson
            objectives: [b-goal]
            minutes: 5
            ---

            ::: scenario id=b-scenario author="Sam, MS3" platform=Instagram
            > A photo of the team at the nurses' station.

            Would you post this?

            - [ ] Post it as it is
              > Patient names are visible behind the team.
            - [x] Retake it without patient information in view
              > The celebration stays; the patients stay out of it.

            Explanation: Backgrounds can disclose patient information.
            :::
            """);
        File.WriteAllText(Path.Combine(basics, "quiz.md"), """
            ---
            title: Basics quiz
            draw: 3
            shuffle: true
            pass-mark: 80
            attempts: 2
            ---

            Three questions.

            ::: question id=b-q1 objective=b-goal
            Which is a primary colour?

            - [ ] Green
            - [x] Red
            - [ ] Purple
            - [ ] Orange

            Explanation: Red is a primary colour of paint.
            :::

            ::: question id=b-q2 type=multiple
            Which are even numbers?

            - [x] Two
            - [ ] Three
            - [x] Four
            - [ ] None of these {pin}

            Explanation: Two and four are even.
            :::

            ::: question id=b-q3 type=true-false
            The sun is a star.

            - [x] True
            - [ ] False

            Explanation: The sun is a star.
            :::
            """);

        var reading = Module(dir, "02-reading", "Reading", "r-goal", "always");
        foreach (var n in new[] { 1, 2 })
            File.WriteAllText(Path.Combine(reading, $"0{n}-part-{n}.md"), $"""
                ---
                title: Part {n}
                objectives: [r-goal]
                minutes: 3
                ---

                Text of part {n}.
                """);

        var big = Module(dir, "03-big", "Big", "g-goal", "always");
        for (var n = 1; n <= BigLessons; n++)
            File.WriteAllText(Path.Combine(big, $"{n:00}-lesson-{n}.md"), $"""
                ---
                title: Lesson {n}
                objectives: [g-goal]
                minutes: 1
                ---

                Text of lesson {n}.
                """);
        var quiz = new StringBuilder($"""
            ---
            title: Big quiz
            draw: {BigQuestions}
            ---

            """);
        for (var n = 1; n <= BigQuestions; n++)
            quiz.Append($"""

                ::: question id=g-q{n}
                Question {n}?

                - [ ] Wrong one
                - [x] Right
                - [ ] Wrong two
                - [ ] Wrong three

                Explanation: Because.
                :::

                """);
        File.WriteAllText(Path.Combine(big, "quiz.md"), quiz.ToString());
    }

    private static string Module(string dir, string folder, string title, string objective, string unlock)
    {
        var path = Path.Combine(dir, "modules", folder);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "module.yml"), $"""
            title: {title}
            description: The {title} module of the test course.
            minutes: 10
            objectives:
              - id: {objective}
                text: Show that the runtime works.
            quiz-unlock: {unlock}
            """);
        return path;
    }
}
