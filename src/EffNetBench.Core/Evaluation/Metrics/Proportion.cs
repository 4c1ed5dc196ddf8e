namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>
/// A success rate with its Wilson score 95 % interval, e.g. top-1 accuracy: <see cref="Successes"/> of <see cref="Trials"/> images.
/// All fractions are in [0, 1].
/// </summary>
/// <param name="Successes">Trials that succeeded, e.g. images whose true class was the top prediction.</param>
/// <param name="Trials">All trials, e.g. images evaluated; at least 1.</param>
/// <param name="Value">Successes / Trials.</param>
/// <param name="WilsonLow95">Lower bound of the Wilson score interval at 95 % confidence.</param>
/// <param name="WilsonHigh95">Upper bound of the Wilson score interval at 95 % confidence.</param>
public sealed record Proportion(long Successes, long Trials, double Value, double WilsonLow95, double WilsonHigh95)
{
    /// <summary>The two-sided 97.5 % normal quantile, so the interval covers 95 %.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The proportion <paramref name="successes"/> / <paramref name="trials"/> with its Wilson score interval:
    /// (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Trials below 1, or successes outside [0, trials].</exception>
    public static Proportion Of(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);

        // Wilson rather than the normal approximation: it stays inside [0, 1] and is honest near 0 % and 100 %.
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;

        // Clamped so rounding never leaves [0, 1] or excludes the point estimate at 0 or 1.
        double low = successes == 0 ? 0 : Math.Clamp(centre - half, 0, p);
        double high = successes == trials ? 1 : Math.Clamp(centre + half, p, 1);
        return new Proportion(successes, trials, p, low, high);
    }
}
