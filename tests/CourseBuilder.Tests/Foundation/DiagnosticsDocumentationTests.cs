using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.Foundation;

public sealed class DiagnosticsDocumentationTests
{
    [Fact]
    public void EveryCodeIsDocumentedWithItsSeverityAndHasAFixture()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics.md"));
        var documented = Regex.Matches(doc, @"^### (CB\d{4})\s*\n\*\*(error|warning):", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var fixtures = Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "diagnostics")).Select(Path.GetFileName).ToList();

        Assert.Equal(DiagnosticCode.All.Select(c => c.Id).Order(), documented.Keys.Order());
        foreach (var code in DiagnosticCode.All)
        {
            Assert.Equal(code.DefaultSeverity == Severity.Error ? "error" : "warning", documented[code.Id]);
            Assert.Contains(fixtures, f => f!.StartsWith(code.Id + "-"));
        }
    }

    [Fact]
    public void CodesAreUniqueAndWellFormed()
    {
        Assert.Equal(DiagnosticCode.All.Count, DiagnosticCode.All.Select(c => c.Id).Distinct().Count());
        Assert.All(DiagnosticCode.All, c => Assert.Matches(@"^CB\d{4}$", c.Id));
    }
}
