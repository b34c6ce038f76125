using CourseBuilder.Diagnostics;

namespace CourseBuilder.Model;

public enum PageSize { A4, Letter }

/// <summary>What a build can produce; course.yml's <c>outputs</c> and the CLI's <c>--format</c> choose among them.</summary>
public enum OutputFormat { Html, Scorm12, Scorm2004, Pdf }

public enum QuizUnlock { Always, AllLessons }

public static class OutputFormats
{
    /// <summary>The names course.yml's <c>outputs</c> and the CLI's <c>--format</c> accept.</summary>
    public static bool TryParse(string name, out OutputFormat format)
    {
        switch (name.ToLowerInvariant())
        {
            case "html": format = OutputFormat.Html; return true;
            case "scorm12" or "scorm-1.2": format = OutputFormat.Scorm12; return true;
            case "scorm2004" or "scorm-2004": format = OutputFormat.Scorm2004; return true;
            case "pdf": format = OutputFormat.Pdf; return true;
            default: format = default; return false;
        }
    }
}

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

    // Quiz policy defaults from course.yml. Init-only with the contract's defaults, so code that
    // builds a Course without them (tests) keeps compiling and means what it meant.
    public ReviewLevel Review { get; init; } = ReviewLevel.Feedback;
    public AnswerReveal RevealAnswers { get; init; } = AnswerReveal.AfterPassOrLast;
    public Scorm12Outcome Scorm12Outcome { get; init; } = Scorm12Outcome.PassedFailed;
}
