using System.Text;
using CourseBuilder.Build;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

/// <summary>
/// The promise to authors: when <c>check</c> passes, <c>build</c> succeeds. Over the whole
/// bad-input corpus and a set of hostile inputs made here (too big or too deep to keep as
/// files), check runs and, when it reports no error, build runs into a temporary folder; both
/// must finish within the time limit, without an exception (the CLI's exit code 3).
/// </summary>
public sealed class CheckThenBuildTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private const string Lesson = "modules/01-basics/01-first.md";
    private const string Module = "modules/01-basics";

    private static string FrontMatter(string body) => $"---\ntitle: First lesson\nobjectives: [b-one]\n---\n\n{body}\n";

    /// <summary>Hostile inputs: each writes into a copy of the valid fixture course.</summary>
    private static readonly Dictionary<string, Action<string, TempDir>> Hostile = new()
    {
        ["long-word"] = (c, _) => Write(c, Lesson, FrontMatter(new string('a', 300_000))),
        ["long-url"] = (c, _) => Write(c, Lesson, FrontMatter("<https://example.org/" + string.Concat(Enumerable.Repeat("segment/", 20_000)) + ">")),
        ["yaml-deep-flow-sequence"] = (c, _) => Write(c, $"{Module}/module.yml", "title: x\nkeywords: " + new string('[', 10_000) + new string(']', 10_000) + "\n"),
        ["yaml-deep-flow-mapping"] = (c, _) => Write(c, "course.yml", "id: c\ntitle: t\nx: " + string.Concat(Enumerable.Repeat("{a: ", 5_000)) + "1" + new string('}', 5_000) + "\n"),
        ["yaml-alias-bomb-as-key"] = (c, _) => Write(c, "course.yml",
            "id: c\ntitle: t\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n? *d\n: 1\n? *d\n: 2\n"),
        ["yaml-alias-bomb-as-value"] = (c, _) => Write(c, $"{Module}/module.yml",
            "title: x\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nkeywords: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"),
        ["markdown-deep-quotes"] = (c, _) => Write(c, Lesson, FrontMatter(new string('>', 10_000) + " deep")),
        ["markdown-33-quotes"] = (c, _) => Write(c, Lesson, FrontMatter(new string('>', 33) + " deep")),
        ["markdown-deep-brackets"] = (c, _) => Write(c, Lesson, FrontMatter(new string('[', 20_000) + "x" + new string(']', 20_000))),
        ["markdown-deep-emphasis"] = (c, _) => Write(c, Lesson, FrontMatter(new string('*', 20_000) + "x" + new string('*', 20_000))),
        ["markdown-deep-lists"] = (c, _) => Write(c, Lesson, FrontMatter(string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- item\n")))),
        ["svg-deep-groups"] = (c, _) =>
        {
            Write(c, $"{Module}/deep.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + string.Concat(Enumerable.Repeat("<g>", 20_000)) + string.Concat(Enumerable.Repeat("</g>", 20_000)) + "</svg>");
            Write(c, Lesson, FrontMatter("![A deep drawing](deep.svg)"));
        },
        ["svg-negative-sizes"] = (c, _) =>
        {
            Write(c, $"{Module}/neg.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect x=\"1\" y=\"1\" width=\"-5\" height=\"3\"/>"
                + "<rect width=\"2\" height=\"2\" rx=\"-1\"/><circle cx=\"5\" cy=\"5\" r=\"-2\"/><ellipse rx=\"-1\" ry=\"2\"/><text font-size=\"-4\">x</text></svg>");
            Write(c, Lesson, FrontMatter("![Negative sizes](neg.svg)"));
        },
        ["svg-not-xml"] = (c, _) =>
        {
            Write(c, $"{Module}/bad.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect");
            Write(c, Lesson, FrontMatter("![A broken drawing](bad.svg)"));
        },
        ["fifo-in-module"] = (c, _) => BadInputCorpus.MakeFifo(Path.Combine(c, Module, "pipe")),
        ["fifo-as-lesson"] = (c, _) => BadInputCorpus.MakeFifo(Path.Combine(c, Module, "03-third.md")),
        ["fifo-as-image"] = (c, _) =>
        {
            File.Delete(Path.Combine(c, Module, "pic.png"));
            BadInputCorpus.MakeFifo(Path.Combine(c, Module, "pic.png"));
        },
        ["symlink-loop"] = (c, _) => File.CreateSymbolicLink(Path.Combine(c, Module, "loop"), "loop"),
        ["symlink-to-own-folder"] = (c, _) => Directory.CreateSymbolicLink(Path.Combine(c, Module, "self"), "."),
        ["symlink-dangling"] = (c, _) => File.CreateSymbolicLink(Path.Combine(c, Module, "gone.png"), "nowhere.png"),
        ["symlink-image-outside"] = (c, t) =>
        {
            File.WriteAllText(t.Sub("secret.txt"), "secret");
            File.Delete(Path.Combine(c, Module, "pic.png"));
            File.CreateSymbolicLink(Path.Combine(c, Module, "pic.png"), t.Sub("secret.txt"));
        },
        ["symlink-lesson-to-device"] = (c, _) => File.CreateSymbolicLink(Path.Combine(c, Module, "03-third.md"), "/dev/zero"),
        ["symlink-module-outside"] = (c, t) =>
        {
            TempDir.CopyTree(Path.Combine(c, "modules", "02-more"), t.Sub("elsewhere"));
            Directory.CreateSymbolicLink(Path.Combine(c, "modules", "03-elsewhere"), t.Sub("elsewhere"));
        },
        ["unreadable-lesson"] = (c, _) => File.SetUnixFileMode(Path.Combine(c, Lesson), UnixFileMode.None),
        ["control-character-in-title"] = (c, _) => Write(c, Lesson, "---\ntitle: \"Bad\\x01 title\"\n---\n\nText.\n"),
        ["control-character-in-course-title"] = (c, _) => Write(c, "course.yml", File.ReadAllText(Path.Combine(c, "course.yml")).Replace("title: Fixture Course", "title: \"Fixture\\e[31m Course\"")),
        ["lone-surrogate-in-title"] = (c, _) => Write(c, $"{Module}/module.yml", "title: \"Half \\ud800 a character\"\n"),
        ["control-character-in-body"] = (c, _) => Write(c, Lesson, FrontMatter("A bell \u0007 and a form feed \f.")),
        ["cr-only-line-ends"] = (c, _) => Write(c, Lesson, FrontMatter("Text.").Replace('\n', '\r')),
        ["crlf-line-ends"] = (c, _) => Write(c, Lesson, FrontMatter("Text.").Replace("\n", "\r\n")),
        ["utf16-without-bom"] = (c, _) => File.WriteAllBytes(Path.Combine(c, Lesson), Encoding.Unicode.GetBytes(FrontMatter("Text."))),
        ["utf32-with-bom"] = (c, _) => File.WriteAllBytes(Path.Combine(c, Lesson), [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(FrontMatter("Text."))]),
        ["empty-image"] = (c, _) => File.WriteAllBytes(Path.Combine(c, Module, "pic.png"), []),
        ["truncated-png"] = (c, _) => File.WriteAllBytes(Path.Combine(c, Module, "pic.png"), File.ReadAllBytes(Path.Combine(c, Module, "pic.png"))[..30]),
        ["jpeg-named-png"] = (c, _) => File.WriteAllBytes(Path.Combine(c, Module, "pic.png"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0xFF, 0xD9]),
        ["truncated-jpeg"] = (c, _) =>
        {
            File.WriteAllBytes(Path.Combine(c, Module, "photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0]);
            Write(c, Lesson, FrontMatter("![A photo](photo.jpg)"));
        },
        ["unclosed-question"] = (c, _) => Write(c, $"{Module}/quiz.md", File.ReadAllText(Path.Combine(c, Module, "quiz.md")).Replace("Explanation: One.\n:::\n", "Explanation: One.\n")),
        ["raw-html-vectors"] = (c, _) => Write(c, Lesson, FrontMatter(
            "<div>\n<img/onerror=alert(1) src=x>\n</div>\n\n<svg/onload=alert(1)></svg>\n\n<a href=\"&#106;avascript:alert(1)\">x</a>\n\n"
            + "<meta http-equiv=refresh content=\"0;url=https://example.org\">\n\n[here](#x){onclick=\"alert(1)\"}\n\n[x](java&#x09;script:alert(1))")),
        ["module-ids-differ-in-case"] = (c, _) => TempDir.CopyTree(Path.Combine(c, "modules", "02-more"), Path.Combine(c, "modules", "03-More")),
        ["lesson-names-with-space-and-accent"] = (c, _) =>
        {
            File.Move(Path.Combine(c, Module, "02-second.md"), Path.Combine(c, Module, "02-second lesson.md"));
            Write(c, $"{Module}/03-café.md", FrontMatter("Text."));
        },
        ["file-over-the-size-limit"] = (c, _) => Write(c, Lesson, FrontMatter(string.Concat(Enumerable.Repeat("A line of filler text for a lesson that is far too long to be real.\n", 170_000)))),
        ["external-links"] = (c, _) => Write(c, Lesson, FrontMatter("[doi](https://doi.org/10.1/x), <https://example.org>, <someone@example.org>, [mail](mailto:a@example.org).")),
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in BadInputCorpus.Names()) data.Add("fixture:" + name);
        foreach (var name in Hostile.Keys.Order(StringComparer.Ordinal)) data.Add("hostile:" + name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenCheckPassesBuildSucceeds(string name)
    {
        using var temp = new TempDir("invariant");
        string content;
        if (name.StartsWith("fixture:", StringComparison.Ordinal))
        {
            content = BadInputCorpus.Prepare(temp, name["fixture:".Length..]);
        }
        else
        {
            content = temp.CopyFrom(TestPaths.ValidCourse);
            Hostile[name["hostile:".Length..]](content, temp);
        }

        var work = Task.Run(() =>
        {
            var check = CourseBuild.Check(content);
            var build = check.Succeeded ? CourseBuild.Run(new BuildOptions(content, temp.Sub("out"), UseCache: false)) : null;
            return (check, build);
        });
        Assert.True(work.Wait(Limit), $"{name}: check or build did not finish within {Limit.TotalSeconds} s");
        var (check, build) = work.Result;

        Assert.All(check.Diagnostics, d => Assert.Matches(@"^CB\d{4}$", d.Code));
        if (build is not null)
            Assert.True(build.Succeeded, $"{name}: check passed but build failed:\n" + string.Join("\n", build.Diagnostics.Select(d => d.Format())));
    }

    private static void Write(string content, string relative, string text)
    {
        var path = Path.Combine(content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
