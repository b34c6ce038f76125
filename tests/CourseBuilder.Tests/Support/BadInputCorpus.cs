using System.Diagnostics;

namespace CourseBuilder.Tests.Support;

/// <summary>
/// The bad-input corpus under Fixtures/diagnostics: each folder overlays the valid fixture course
/// with one mistake. Files are copied over it, remove.txt lists files to delete, and setup.txt
/// lists what git cannot hold or what would make the fixture big, made when the test runs:
/// <c>fifo PATH</c>, <c>symlink PATH TARGET</c> (TARGET <c>{outside}</c> is a file beside the
/// content folder) and <c>grow PATH MEGABYTES</c> (appends paragraphs of text).
/// </summary>
public static class BadInputCorpus
{
    public static string Folder => Path.Combine(TestPaths.Fixtures, "diagnostics");

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Folder).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    /// <summary>Makes the fixture's content folder inside <paramref name="temp"/> and returns its path.</summary>
    public static string Prepare(TempDir temp, string name)
    {
        var content = temp.CopyFrom(TestPaths.ValidCourse);
        var fixture = Path.Combine(Folder, name);
        var removals = Path.Combine(fixture, "remove.txt");
        if (File.Exists(removals))
            foreach (var line in File.ReadAllLines(removals).Where(l => l.Trim().Length > 0))
            {
                var target = Path.Combine(content, line.Trim());
                if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
                else File.Delete(target);
            }
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(fixture, file);
            if (relative is "expect.txt" or "remove.txt" or "setup.txt") continue;
            var dest = Path.Combine(content, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
        var setup = Path.Combine(fixture, "setup.txt");
        if (File.Exists(setup))
            foreach (var line in File.ReadAllLines(setup).Where(l => l.Trim().Length > 0))
                Apply(temp, content, line.Trim().Split(' '));
        return content;
    }

    private static void Apply(TempDir temp, string content, string[] action)
    {
        var path = Path.Combine(content, action[1]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (action[0])
        {
            case "fifo":
                MakeFifo(path);
                break;
            case "symlink":
                var target = action[2];
                if (target == "{outside}")
                {
                    target = temp.Sub("outside.png");
                    File.Copy(Path.Combine(TestPaths.ValidCourse, "modules", "01-basics", "pic.png"), target, overwrite: true);
                }
                File.Delete(path);
                File.CreateSymbolicLink(path, target);
                break;
            case "grow":
                var megabytes = int.Parse(action[2]);
                using (var writer = File.AppendText(path))
                    for (long written = 0; written < megabytes * 1048576L; written += 81)
                        writer.Write("Filler text that makes the lesson large, eighty characters to the line and more.\n");
                break;
            default:
                throw new InvalidOperationException($"unknown setup action '{action[0]}'");
        }
    }

    public static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path} failed");
    }
}
