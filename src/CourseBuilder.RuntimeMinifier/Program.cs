using System.Text;
using CourseBuilder.Html;
using NUglify;
using NUglify.Css;
using NUglify.JavaScript;

// Usage: CourseBuilder.RuntimeMinifier <Html/Runtime folder> <output folder>
// Writes player.js (the sources of src/ concatenated by RuntimeSources, minified) and player.css
// (minified) into the output folder, each with a closing newline. NUglify is deterministic: the
// same sources give the same bytes in every process and culture. Any minifier error fails.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: CourseBuilder.RuntimeMinifier <runtime folder> <output folder>");
    return 2;
}
var (runtime, output) = (args[0], args[1]);
try
{
    // As the library reads its embedded copies (RuntimeBundle.ScriptSource): the bytes as UTF-8, a BOM kept.
    string Read(string relative) => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(runtime, relative)));

    var script = Uglify.Js(RuntimeSources.Concatenate(name => Read(Path.Combine("src", name))), "player.js", new CodeSettings
    {
        OutputMode = OutputMode.SingleLine,
        // The sources are one closed scope: every local name may be shortened.
        LocalRenaming = LocalRenaming.CrunchAll,
    });
    var code = Checked(script, "player.js");
    if (!code.StartsWith(RuntimeSources.MinifiedStart, StringComparison.Ordinal))
        throw new InvalidOperationException("the minified player.js lost its leading 'use strict'");
    var style = Checked(Uglify.Css(Read("player.css"), "player.css", new CssSettings { OutputMode = OutputMode.SingleLine }), "player.css");

    Directory.CreateDirectory(output);
    File.WriteAllBytes(Path.Combine(output, "player.js"), Encoding.UTF8.GetBytes(code + "\n"));
    File.WriteAllBytes(Path.Combine(output, "player.css"), Encoding.UTF8.GetBytes(style + "\n"));
    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{Path.Combine(runtime, "player.js")}: error CB9000: {ex.Message}");
    return 1;
}

static string Checked(UglifyResult result, string name)
{
    var errors = result.Errors.Where(e => e.IsError).ToList();
    if (errors.Count > 0 || result.Code is null)
        throw new InvalidOperationException($"minifying {name} failed: " + string.Join("; ", errors));
    return result.Code;
}
