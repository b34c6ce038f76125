using System.Text;

namespace CourseBuilder.Html;

/// <summary>
/// The learner runtime as shipped. The readable sources in Html/Runtime/src/ are concatenated
/// (<see cref="RuntimeSources"/>) and minified with NUglify when the tool itself is compiled, by
/// src/CourseBuilder.RuntimeMinifier, which CourseBuilder.csproj runs before embedding its output;
/// player.css is minified the same way. A build of a course only reads the embedded result: the
/// minifier was a tenth of a second and more of every full build's start-up, and it is no
/// dependency of the tool any more. A minifier error is a bug in the runtime: it fails the
/// compilation of the tool.
/// </summary>
internal static class RuntimeBundle
{
    /// <summary>Source files in the order they run (<see cref="RuntimeSources.ScriptSources"/>).</summary>
    public static IReadOnlyList<string> ScriptSources => RuntimeSources.ScriptSources;

    /// <summary>The concatenated, unminified script (what the minifier made <see cref="Script"/> from).</summary>
    public static string ScriptSource() => RuntimeSources.Concatenate(name => Source("src." + name));

    /// <summary>player.js as shipped: minified, with a closing newline.</summary>
    public static byte[] Script() => EmbeddedFiles.Read("CourseBuilder.Html.Runtime.min.player.js");

    /// <summary>player.css as shipped: minified, with a closing newline.</summary>
    public static byte[] Style() => EmbeddedFiles.Read("CourseBuilder.Html.Runtime.min.player.css");

    /// <summary>
    /// What the shipped runtime is made from, for the build cache: the sources, not the minified
    /// files. The minifier and its version are part of the tool identity (they made the embedded
    /// files, and so the library's build).
    /// </summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Inputs() =>
        ScriptSources.Select(n => "src." + n).Append("player.css")
            .Select(n => (n, EmbeddedFiles.Read("CourseBuilder.Html.Runtime." + n)));

    private static string Source(string name) =>
        Encoding.UTF8.GetString(EmbeddedFiles.Read("CourseBuilder.Html.Runtime." + name));
}
