namespace CourseBuilder.Analysis;

/// <summary>
/// A reliability estimate for a quiz whose attempts draw different items from a pool.
/// <see cref="Value"/> is null when it cannot be estimated; <see cref="Reason"/> says why.
/// </summary>
public sealed record ReliabilityEstimate(double? Value, double? StandardError, double PersonVariance, double ErrorVariance, double MeanItems, string? Reason)
{
    public const string Method = "one-way random-effects (items nested in attempts) generalizability coefficient";
}

/// <summary>
/// The formulas of classical item analysis, on plain numbers so tests can check them against
/// values worked out by hand. Variances and standard deviations are population ones (divide by n),
/// as the point-biserial formula takes them.
/// </summary>
public static class Statistics
{
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Sum() / values.Count;

    public static double PopulationSd(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var mean = Mean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>
    /// The corrected item-total point-biserial: the Pearson correlation between the item's score
    /// (1 right, 0 wrong) and the rest score (the proportion right on the attempt's other items),
    /// so the item does not correlate with itself. Null when either side does not vary.
    /// </summary>
    public static double? PointBiserial(IReadOnlyList<(bool Correct, double RestScore)> responses)
    {
        var n = responses.Count;
        if (n < 2) return null;
        double mx = responses.Count(r => r.Correct) / (double)n, my = responses.Sum(r => r.RestScore) / n;
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (correct, rest) in responses)
        {
            double dx = (correct ? 1 : 0) - mx, dy = rest - my;
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
        }
        return sxx <= 1e-12 || syy <= 1e-12 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>
    /// Weights of the upper and lower groups (Kelley): the <paramref name="fraction"/> of attempts
    /// with the highest and the lowest scores, g = round(fraction × n) attempts each (at least one).
    /// Attempts tied at a group's boundary score share its remaining places equally (fractional
    /// weights), so the groups never depend on the order of the rows. Null below two attempts.
    /// </summary>
    public static (double[] Upper, double[] Lower, double Size)? Groups(IReadOnlyList<double> scores, double fraction)
    {
        var n = scores.Count;
        if (n < 2) return null;
        var g = Math.Max(1, (int)Math.Round(fraction * n, MidpointRounding.AwayFromZero));
        return (Weights(scores, g, descending: true), Weights(scores, g, descending: false), g);
    }

    private static double[] Weights(IReadOnlyList<double> scores, int g, bool descending)
    {
        var ordered = descending ? scores.OrderByDescending(s => s).ToList() : scores.OrderBy(s => s).ToList();
        var boundary = ordered[g - 1];
        bool Beyond(double s) => descending ? s > boundary : s < boundary;
        var beyond = scores.Count(Beyond);
        var tied = scores.Count(s => s == boundary);
        var share = (g - beyond) / (double)tied;
        return scores.Select(s => Beyond(s) ? 1.0 : s == boundary ? share : 0.0).ToArray();
    }

    /// <summary>Σ weight × value / Σ weight: the share of a group with a property.</summary>
    public static double Weighted(double[] weights, Func<int, bool> has)
    {
        double total = 0, with = 0;
        for (var i = 0; i < weights.Length; i++) { total += weights[i]; if (has(i)) with += weights[i]; }
        return total == 0 ? double.NaN : with / total;
    }

    /// <summary>
    /// Reliability when each attempt answers its own random draw of items: a one-way analysis of
    /// variance with attempts as groups and their item scores (0/1) as replicates (the i:p design of
    /// generalizability theory). Person variance σ²p = (MSb − MSw) / n₀ (0 if negative), error
    /// variance σ²e = MSw (item difficulty differences and item-by-person interaction together,
    /// since every attempt meets different items), and the coefficient σ²p / (σ²p + σ²e / n̄) for an
    /// attempt of n̄ items, the mean number answered. With equal counts it is 1 − MSw / MSb.
    /// Standard error of measurement √(σ²e / n̄), as a proportion of the score.
    /// </summary>
    public static ReliabilityEstimate NestedReliability(IReadOnlyList<(int Right, int Total)> attempts)
    {
        var p = attempts.Count;
        var n = attempts.Sum(a => a.Total);
        var meanItems = p == 0 ? 0 : n / (double)p;
        if (p < 2) return new(null, null, 0, 0, meanItems, "fewer than two attempts");
        if (attempts.Any(a => a.Total < 1)) return new(null, null, 0, 0, meanItems, "an attempt with no items");
        if (n - p < 1) return new(null, null, 0, 0, meanItems, "one item per attempt");
        var grand = attempts.Sum(a => a.Right) / (double)n;
        double ssBetween = 0, ssWithin = 0;
        foreach (var (right, total) in attempts)
        {
            var mean = right / (double)total;
            ssBetween += total * (mean - grand) * (mean - grand);
            ssWithin += total * mean * (1 - mean);
        }
        double msBetween = ssBetween / (p - 1), msWithin = ssWithin / (n - p);
        var n0 = (n - attempts.Sum(a => (double)a.Total * a.Total) / n) / (p - 1);
        var personVariance = Math.Max(0, (msBetween - msWithin) / n0);
        var sem = Math.Sqrt(msWithin / meanItems);
        if (msBetween <= 1e-12 && msWithin <= 1e-12)
            return new(null, sem, personVariance, msWithin, meanItems, "every answer had the same result");
        var value = personVariance / (personVariance + msWithin / meanItems);
        return new(value, sem, personVariance, msWithin, meanItems, null);
    }
}
