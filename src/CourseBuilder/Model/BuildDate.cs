namespace CourseBuilder.Model;

/// <summary>
/// The one date every artifact carries (zip entry times, PDF dates): SOURCE_DATE_EPOCH when set,
/// the reproducible-builds convention, else the course's release date. Never the clock, so the
/// same input gives the same bytes.
/// </summary>
public static class BuildDate
{
    public const string Variable = "SOURCE_DATE_EPOCH";

    public static DateTimeOffset For(DateOnly releaseDate) => For(releaseDate, Environment.GetEnvironmentVariable(Variable));

    /// <param name="sourceDateEpoch">Seconds since 1970-01-01 UTC; ignored when empty, not a number, or past the year 9999.</param>
    public static DateTimeOffset For(DateOnly releaseDate, string? sourceDateEpoch)
    {
        if (long.TryParse(sourceDateEpoch?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0 and <= 253_402_300_799)
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new DateTimeOffset(releaseDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
