using System.Globalization;
using System.Text.RegularExpressions;
using CourseBuilder.Diagnostics;
using CourseBuilder.Model;

namespace CourseBuilder.Loading;

/// <summary>Reads course.yml. Defaults are what most courses want, so a minimal file is four lines.</summary>
internal static partial class CourseSettingsReader
{
    public sealed record Settings(
        string Id, string Title, string? Subtitle, string Institution, string Language, string Version, DateOnly ReleaseDate,
        IReadOnlyList<string> Authors, int PassMark, int Attempts, PageSize PageSize, IReadOnlyList<OutputFormat> Outputs,
        Theme Theme, bool AllowRawScripts, SourceLocation Location, SourceLocation LogoLocation)
    {
        public ReviewLevel Review { get; init; } = ReviewLevel.Feedback;
        public AnswerReveal RevealAnswers { get; init; } = AnswerReveal.AfterPassOrLast;
        public Scorm12Outcome Scorm12Outcome { get; init; } = Scorm12Outcome.PassedFailed;
    }

    private static readonly string[] Keys =
        ["id", "title", "subtitle", "institution", "language", "version", "release-date", "authors", "pass-mark",
         "attempts", "page-size", "outputs", "allow-raw-scripts", "theme", "review", "reveal-answers", "scorm12-outcome"];

    public static Settings? Read(string path, DiagnosticBag diagnostics)
    {
        var text = SourceFile.ReadText(path, diagnostics);
        if (text is null) return null;
        var yaml = YamlMap.Parse(text, path, 0, diagnostics);
        if (yaml is null) return null;

        var id = yaml.String("id", required: true) ?? "course";
        if (!Ids.IsValid(id))
            yaml.Error(DiagnosticCode.InvalidId, "id", $"course id '{id}' must start with a letter and use only letters, digits, '-' and '_'");
        var title = yaml.String("title", required: true) ?? id;
        var language = yaml.String("language") ?? "en";
        if (!LanguageTag().IsMatch(language))
            yaml.Error(DiagnosticCode.InvalidValue, "language", $"language '{language}' is not a BCP 47 tag such as 'en' or 'en-US'");

        var pageSize = PageSize.A4;
        switch (yaml.String("page-size")?.ToLowerInvariant())
        {
            case null or "a4": break;
            case "letter" or "us-letter": pageSize = PageSize.Letter; break;
            case var other: yaml.Error(DiagnosticCode.InvalidValue, "page-size", $"page-size '{other}' must be A4 or Letter"); break;
        }

        var outputs = new List<OutputFormat>();
        var outputNames = yaml.StringList("outputs");
        for (var i = 0; i < outputNames.Count; i++)
        {
            if (OutputFormats.TryParse(outputNames[i], out var format)) { if (!outputs.Contains(format)) outputs.Add(format); }
            else diagnostics.Error(DiagnosticCode.InvalidValue, yaml.ItemLocation("outputs", i),
                $"output '{outputNames[i]}' must be one of html, scorm12, scorm2004, pdf{Suggest.DidYouMean(outputNames[i], ["html", "scorm12", "scorm2004", "pdf"])}");
        }
        if (!yaml.Has("outputs")) outputs = [OutputFormat.Html, OutputFormat.Scorm12, OutputFormat.Scorm2004, OutputFormat.Pdf];

        var theme = new Theme("#1d5d90", null, null);
        var logoLocation = yaml.Location;
        if (yaml.Map("theme") is { } t)
        {
            var accent = t.String("accent") ?? theme.Accent;
            if (!Colors.TryParseHex(accent, out _))
            {
                t.Error(DiagnosticCode.InvalidValue, "accent", $"accent '{accent}' must be a colour written #rrggbb");
                accent = theme.Accent;
            }
            else if (Colors.ContrastWithWhite(accent) < 4.5)
            {
                t.Error(DiagnosticCode.InvalidValue, "accent",
                    $"accent '{accent}' has a contrast of {Colors.ContrastWithWhite(accent).ToString("0.0", CultureInfo.InvariantCulture)}:1 with white; WCAG AA needs 4.5:1, so pick a darker colour");
            }
            var logo = t.String("logo");
            logoLocation = t.KeyLocation("logo");
            var logoAlt = t.String("logo-alt");
            if (logo is not null && logoAlt is null)
                t.Error(DiagnosticCode.ImageWithoutAlt, "logo", "the logo needs alt text: add 'logo-alt' under 'theme'");
            t.WarnUnknownKeys("accent", "logo", "logo-alt");
            theme = new Theme(accent, logo, logoAlt);
        }

        var settings = new Settings(
            id, title,
            yaml.String("subtitle"),
            yaml.String("institution") ?? "",
            language,
            yaml.String("version") ?? "1.0.0",
            yaml.Date("release-date") ?? new DateOnly(2000, 1, 1),
            yaml.StringList("authors"),
            yaml.Int("pass-mark", 0, 100) ?? 80,
            yaml.Int("attempts", 0, 1000) ?? 0,
            pageSize,
            outputs,
            theme,
            yaml.Bool("allow-raw-scripts") ?? false,
            yaml.Location,
            logoLocation)
        {
            Review = QuizPolicyReader.Review(yaml) ?? ReviewLevel.Feedback,
            RevealAnswers = QuizPolicyReader.RevealAnswers(yaml) ?? AnswerReveal.AfterPassOrLast,
            Scorm12Outcome = QuizPolicyReader.Scorm12Outcome(yaml) ?? Scorm12Outcome.PassedFailed,
        };
        yaml.WarnUnknownKeys(Keys);
        return settings;
    }


    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
