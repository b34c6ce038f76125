using CourseBuilder.Diagnostics;

namespace CourseBuilder.Model;

public enum PageSize { A4, Letter }

/// <summary>What a build can produce; course.yml's <c>outputs</c> and the CLI's <c>--format</c> choose among them.</summary>
public enum OutputFormat { Html, Scorm12, Scorm2004, Pdf }

public enum QuizUnlock { Always, AllLessons }

/// <summary>Accent colour and logo from course.yml; the logo path is relative to the content folder.</summary>
public sealed record Theme(string Accent, string? Logo, string? LogoAlt);

/// <summary>The whole course as loaded and checked: immutable once the loader returns it.</summary>
public sealed record Course(
    string Id,
    string Title,
    string? Subtitle,
    string Institution,
    string Language,
    string Version,
    DateOnly ReleaseDate,
    IReadOnlyList<string> Authors,
    int PassMark,
    int Attempts,
    PageSize PageSize,
    IReadOnlyList<OutputFormat> Outputs,
    Theme Theme,
    bool AllowRawScripts,
    IReadOnlyList<Module> Modules,
    string ContentDirectory,
    SourceLocation Location)
{
    public IEnumerable<Question> AllQuestions => Modules.SelectMany(m => m.AllQuestions);
}
