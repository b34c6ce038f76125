using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;
using CourseBuilder.Model;
using CourseBuilder.Pdf;

namespace CourseBuilder.Benchmarks;

/// <summary>
/// In-process throughput of the PDF stage: every guide of a course (student and facilitator, per
/// module and for the whole course), one after the other and then in parallel as the build runs
/// them. Prints pages per second for each round.
/// </summary>
public static class PdfGuideBenchmark
{
    public static void Run(string contentDirectory, int rounds)
    {
        var course = LoadStage.Load(contentDirectory, new DiagnosticBag())
            ?? throw new InvalidOperationException("the course did not load; run 'coursebuilder check' on it");
        var scopes = course.Modules.Select(m => (Module?)m).Append(null).ToList();
        var warmUp = Stopwatch.StartNew();
        PdfStage.StudentGuide(course, course.Modules[0]);
        Console.WriteLine($"first guide (fonts loaded, code jitted): {warmUp.ElapsedMilliseconds} ms");
        for (var round = 1; round <= rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var pages = scopes.Sum(s => Pages(PdfStage.StudentGuide(course, s)) + Pages(PdfStage.FacilitatorGuide(course, s)));
            Report($"round {round}, sequential", scopes.Count * 2, pages, sw.Elapsed);
            // CPU time is what a loaded, shared machine distorts least.
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    CPU time {cpuSeconds:0.00} s = {pages / cpuSeconds:0.0} pages per CPU-second"));
            sw.Restart();
            var parallelPages = 0;
            Parallel.ForEach(scopes, s => Interlocked.Add(ref parallelPages,
                Pages(PdfStage.StudentGuide(course, s)) + Pages(PdfStage.FacilitatorGuide(course, s))));
            Report($"round {round}, parallel  ", scopes.Count * 2, parallelPages, sw.Elapsed);
            Console.WriteLine($"    GC pause so far {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s");
        }
    }

    private static int Pages(byte[] pdf) =>
        Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])").Count;

    private static void Report(string label, int guides, int pages, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {guides} guides, {pages} pages in {elapsed.TotalSeconds:0.00} s = {pages / elapsed.TotalSeconds:0.0} pages/s"));
}
