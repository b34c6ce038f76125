using System.Text;

namespace CourseBuilder.Html;

/// <summary>
/// How the learner runtime's readable sources (Html/Runtime/src/) become one script: concatenated
/// in <see cref="ScriptSources"/> order into one strict-mode function, so they share one scope and
/// leak nothing into the page. Compiled into both the library (<see cref="RuntimeBundle.ScriptSource"/>)
/// and the build-time minifier (src/CourseBuilder.RuntimeMinifier), so there is one definition.
/// </summary>
internal static class RuntimeSources
{
    /// <summary>Source files in the order they run: helpers and data first, start-up last (docs/runtime.md).</summary>
    public static readonly IReadOnlyList<string> ScriptSources =
    [
        "dom.js", "course.js", "lms.js", "attempt.js", "state.js", "reporting.js",
        "navigation.js", "questions.js", "quiz.js", "main.js",
    ];

    private const string ScriptStart = "(function () {\n'use strict';\n";
    private const string ScriptEnd = "})();\n";

    /// <summary>What the minified script must start with: the strict-mode directive has to stay the function's first statement.</summary>
    public const string MinifiedStart = "(function(){\"use strict\";";

    /// <summary>The concatenated, unminified script, reading each source file's text by its name.</summary>
    public static string Concatenate(Func<string, string> read)
    {
        var text = new StringBuilder(ScriptStart);
        foreach (var name in ScriptSources)
            text.Append("\n// ---- ").Append(name).Append(" ----\n").Append(read(name));
        return text.Append(ScriptEnd).ToString();
    }
}
