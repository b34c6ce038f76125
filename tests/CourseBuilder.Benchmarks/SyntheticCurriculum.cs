using System.IO.Compression;
using System.Text;

namespace CourseBuilder.Benchmarks;

/// <summary>
/// Writes a synthetic curriculum of the shape a medical school keeps: N modules of five lessons
/// and a quiz of twelve graded questions, with a few images. Content is varied enough to
/// exercise every renderer (tables, lists, callouts, questions, figures, footnotes).
/// </summary>
public static class SyntheticCurriculum
{
    public static void Write(string folder, int modules, int lessonsPerModule = 5, int gradedPerModule = 12)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "course.yml"), """
            id: synthetic
            title: Synthetic Curriculum
            institution: Benchmark School of Medicine
            language: en-US
            version: 1.0.0
            release-date: 2026-01-01
            pass-mark: 80
            outputs: [html, scorm12, scorm2004, pdf]

            """);
        var png = TinyPng();
        for (var m = 1; m <= modules; m++)
        {
            var dir = Path.Combine(folder, "modules", $"{m:000}-module-{m}");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "module.yml"), $"""
                title: Module {m}
                description: Synthetic module {m} for benchmarks.
                minutes: 60
                objectives:
                  - id: m{m}-o1
                    text: Identify the first idea of module {m}.
                  - id: m{m}-o2
                    text: Apply the second idea of module {m}.

                """);
            if (m % 10 == 1) File.WriteAllBytes(Path.Combine(dir, "figure.png"), png);
            for (var l = 1; l <= lessonsPerModule; l++)
                File.WriteAllText(Path.Combine(dir, $"{l:00}-lesson-{l}.md"), Lesson(m, l, withImage: m % 10 == 1 && l == 1));
            var quiz = new StringBuilder($"---\ntitle: Module {m} quiz\ndraw: {Math.Max(1, gradedPerModule * 2 / 3)}\n---\n\n");
            for (var q = 1; q <= gradedPerModule; q++)
                quiz.Append(Question($"m{m}-q{q}", $"m{m}-o{1 + q % 2}", q));
            File.WriteAllText(Path.Combine(dir, "quiz.md"), quiz.ToString());
        }
    }

    /// <summary>Writes a course of <paramref name="lessons"/> lessons in modules of five, for timing `check`.</summary>
    public static void WriteLessons(string folder, int lessons) => Write(folder, (lessons + 4) / 5);

    private static string Lesson(int m, int l, bool withImage)
    {
        var sb = new StringBuilder($"---\ntitle: Lesson {l} of module {m}\nobjectives: [m{m}-o1]\nminutes: 10\n---\n\n");
        for (var p = 1; p <= 6; p++)
        {
            sb.Append($"## Section {p}\n\n");
            sb.Append($"Paragraph {p} of lesson {l} explains a point with **bold**, *italic* and `code`, and links to ")
              .Append("[a source](https://example.org/source). Clinicians who post with purpose build trust; those who do not ")
              .Append("risk their reputation, their career and the public's trust in the profession.[^1]\n\n");
            if (p == 2) sb.Append("- First point\n- Second point\n  - A nested point\n- Third point\n\n");
            if (p == 3) sb.Append("| Setting | Meaning |\n|---|---|\n| Public | Anyone can see it |\n| Followers | People you approved |\n\n");
            if (p == 4) sb.Append("::: key-point\nPrivacy settings narrow the audience; they do not make a post private.\n:::\n\n");
        }
        if (withImage) sb.Append("![A synthetic figure](figure.png \"Figure 1. A synthetic figure.\")\n\n");
        sb.Append(Question($"m{m}-l{l}-check", null, l).Replace("::: question", "::: question"));
        sb.Append("\n::: reflection\nWhat would you do differently after this lesson?\n:::\n\n");
        sb.Append("[^1]: Chretien KC, et al. J Gen Intern Med. 2015;30(11):1673-1680.\n");
        return sb.ToString();
    }

    private static string Question(string id, string? objective, int n) => $"""
        ::: question id={id}{(objective is null ? "" : " objective=" + objective)}
        Which statement about synthetic point {n} is right?

        - [x] The right statement
          > Yes: this is the right one.
        - [ ] A tempting statement
          > Not quite: this one misses the point.
        - [ ] An unrelated statement
          > No: this is unrelated.
        - [ ] None of the above {"{pin}"}
          > No: one of the statements is right.

        Explanation: The right statement follows from the lesson. (Chretien et al., 2015)
        :::


        """;

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static byte[] TinyPng()
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var typeBytes = Encoding.ASCII.GetBytes(type);
            var result = new byte[12 + data.Length];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(result, data.Length);
            typeBytes.CopyTo(result, 4);
            data.CopyTo(result, 8);
            var crc = Crc32([.. typeBytes, .. data]);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(8 + data.Length), crc);
            return result;
        }
        const int size = 64;
        var raw = new MemoryStream();
        for (var y = 0; y < size; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < size; x++) { raw.WriteByte((byte)(x * 4)); raw.WriteByte((byte)(y * 4)); raw.WriteByte(0x90); }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(z);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, size);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; header[9] = 2;
        return [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }
}
