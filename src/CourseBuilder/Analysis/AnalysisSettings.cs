namespace CourseBuilder.Analysis;

/// <summary>
/// The thresholds behind the findings, each a CLI option of <c>coursebuilder analyze</c>; the
/// defaults are the usual rules of thumb of classical item analysis (docs/item-analysis.md).
/// </summary>
public sealed record AnalysisSettings
{
    /// <summary>Analyse every attempt, not only each student's first attempt at each quiz.</summary>
    public bool AllAttempts { get; init; }

    /// <summary>Fewer responses than this: the item's numbers are marked as not yet reliable.</summary>
    public int MinResponses { get; init; } = 30;

    /// <summary>Difficulty (proportion correct) above this: too easy.</summary>
    public double TooEasy { get; init; } = 0.90;

    /// <summary>Difficulty below this: too hard.</summary>
    public double TooHard { get; init; } = 0.30;

    /// <summary>Corrected point-biserial below this (and not negative): low discrimination.</summary>
    public double LowDiscrimination { get; init; } = 0.20;

    /// <summary>A wrong option chosen by fewer than this share of respondents is not working as a distractor.</summary>
    public double IdleDistractor { get; init; } = 0.05;

    /// <summary>The share of respondents in each of the upper and lower groups (Kelley's 27%).</summary>
    public double GroupFraction { get; init; } = 0.27;

    public string AttemptsLabel => AllAttempts ? "attempts" : "first attempts";

    /// <summary>The problem with the settings, or null: thresholds are proportions, the group at most half.</summary>
    public string? Problem()
    {
        if (MinResponses < 1) return "--min-responses must be at least 1";
        foreach (var (name, value) in new[] { ("--too-easy", TooEasy), ("--too-hard", TooHard), ("--idle-distractor", IdleDistractor) })
            if (value is < 0 or > 1 || double.IsNaN(value)) return $"{name} must be a proportion between 0 and 1";
        if (LowDiscrimination is < -1 or > 1 || double.IsNaN(LowDiscrimination)) return "--low-discrimination must be between -1 and 1";
        if (GroupFraction is <= 0 or > 0.5 || double.IsNaN(GroupFraction)) return "--group must be above 0 and at most 0.5";
        return null;
    }
}
