using System.Text;
using NUglify;
using NUglify.Css;
using NUglify.JavaScript;

namespace CourseBuilder.Html;

/// <summary>
/// The learner runtime as shipped. The readable sources in Html/Runtime/src/ are concatenated in
/// <see cref="ScriptSources"/> order into one strict-mode function (so they share one scope and
/// leak nothing into the page) and minified with NUglify; player.css is minified the same way.
/// NUglify is deterministic: the same sources give the same bytes in every process and culture.
/// A minifier error is a bug in the runtime, not in the author's content, so it throws.
/// </summary>
internal static class RuntimeBundle
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
    private const string MinifiedStart = "(function(){\"use strict\";";

    /// <summary>The concatenated, unminified script (what <see cref="Script"/> minifies).</summary>
    public static string ScriptSource()
    {
        var text = new StringBuilder(ScriptStart);
        foreach (var name in ScriptSources)
            text.Append("\n// ---- ").Append(name).Append(" ----\n").Append(Source("src." + name));
        return text.Append(ScriptEnd).ToString();
    }

    public static byte[] Script()
    {
        var result = Uglify.Js(ScriptSource(), "player.js", new CodeSettings
        {
            OutputMode = OutputMode.SingleLine,
            // The sources are one closed scope: every local name may be shortened.
            LocalRenaming = LocalRenaming.CrunchAll,
        });
        var code = Checked(result, "player.js");
        if (!code.StartsWith(MinifiedStart, StringComparison.Ordinal))
            throw new InvalidOperationException("the minified player.js lost its leading 'use strict'");
        return Encoding.UTF8.GetBytes(code + "\n");
    }

    public static byte[] Style()
    {
        var result = Uglify.Css(Source("player.css"), "player.css", new CssSettings { OutputMode = OutputMode.SingleLine });
        return Encoding.UTF8.GetBytes(Checked(result, "player.css") + "\n");
    }

    private static string Checked(UglifyResult result, string name)
    {
        var errors = result.Errors.Where(e => e.IsError).ToList();
        if (errors.Count > 0 || result.Code is null)
            throw new InvalidOperationException($"minifying {name} failed: " + string.Join("; ", errors));
        return result.Code;
    }

    /// <summary>
    /// What the shipped runtime is made from, for the build cache: the sources, not the minified
    /// files, so that a build with nothing changed never starts the minifier (a tenth of a
    /// second or more of start-up). The minifier's own version is part of the tool identity.
    /// </summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Inputs() =>
        ScriptSources.Select(n => "src." + n).Append("player.css")
            .Select(n => (n, EmbeddedFiles.Read("CourseBuilder.Html.Runtime." + n)));

    private static string Source(string name) =>
        Encoding.UTF8.GetString(EmbeddedFiles.Read("CourseBuilder.Html.Runtime." + name));
}
