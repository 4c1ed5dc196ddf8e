namespace EffNetBench.Core.Regression;

/// <summary>One case present in both runs: the figures of each side and the verdict on its latency.</summary>
/// <param name="BaselineSamples">Measured inferences the test used (0 when the case was not measured).</param>
/// <param name="ThresholdTest">The equivalence test against <see cref="CompareOptions.RelativeThreshold"/> alone.</param>
/// <param name="NoiseTest">The equivalence test against <see cref="CompareOptions.NoiseMs"/> alone.</param>
/// <param name="Verdict">Faster or slower only when both tests say so; see <see cref="RegressionComparer"/>.</param>
/// <param name="Note">Why the verdict is unknown, when it is.</param>
public sealed record CaseComparison(
    CaseKey Case,
    double? BaselineMedianMs,
    double? CurrentMedianMs,
    double? BaselineP99Ms,
    double? CurrentP99Ms,
    long? BaselinePeakRssBytes,
    long? CurrentPeakRssBytes,
    int BaselineSamples,
    int CurrentSamples,
    Verdict ThresholdTest,
    Verdict NoiseTest,
    Verdict Verdict,
    string? Note)
{
    /// <summary>Current median / baseline median (above 1 is slower).</summary>
    public double? MedianRatio => Ratio(CurrentMedianMs, BaselineMedianMs);

    /// <summary>Current p99 / baseline p99 (above 1 is slower).</summary>
    public double? P99Ratio => Ratio(CurrentP99Ms, BaselineP99Ms);

    /// <summary>Current peak RSS minus the baseline's, in bytes.</summary>
    public long? PeakRssChangeBytes => CurrentPeakRssBytes - BaselinePeakRssBytes;

    internal static double? Ratio(double? current, double? baseline) =>
        current is double c && baseline is double b && b > 0 ? c / b : null;
}
