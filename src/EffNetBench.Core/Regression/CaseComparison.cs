namespace EffNetBench.Core.Regression;

/// <summary>One case present on both sides: the figures of each side and the verdict on its latency.</summary>
/// <param name="BaselineSamples">Measured inferences the test used (0 when the case was not measured).</param>
/// <param name="ThresholdTest">The equivalence test against <see cref="CompareOptions.RelativeThreshold"/> alone.</param>
/// <param name="NoiseTest">The equivalence test against <see cref="CompareOptions.NoiseMs"/> alone.</param>
/// <param name="Verdict">See <see cref="RegressionComparer.CompareCase"/> for the rule.</param>
/// <param name="Note">Why the verdict is inconclusive, when it is, in words.</param>
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
    /// <summary>Why <see cref="Verdict"/> is <see cref="Verdict.Inconclusive"/>; null otherwise.</summary>
    public InconclusiveReason? Reason { get; init; }

    /// <summary>The relative change a shift had to beat as well, beyond the threshold: the drift allowance and/or the
    /// launch-to-launch spread of medians (<see cref="RegressionComparer.CompareCase"/>); null when not tested.</summary>
    public double? NoiseAllowance { get; init; }

    /// <summary>The equivalence test against <see cref="NoiseAllowance"/>; null when not tested.</summary>
    public Verdict? AllowanceTest { get; init; }

    /// <summary>Share of the machine other processes and steal took while each side was measured (null: not recorded).</summary>
    public double? BaselineBusyShare { get; init; }

    public double? CurrentBusyShare { get; init; }

    /// <summary>Relative spread (max - min) / median of each side's launch medians; null with fewer than two launches.</summary>
    public double? BaselineLaunchSpread { get; init; }

    public double? CurrentLaunchSpread { get; init; }

    /// <summary>`run --scenario offline` on either side: the offline throughput compared (<see cref="ScenarioComparer.Offline"/>); null when neither side has it.</summary>
    public ScenarioComparison? OfflineThroughput { get; init; }

    /// <summary>`run --scenario server` on either side: the maximum rate within the p99 bound compared (<see cref="ScenarioComparer.MaxRate"/>); null when neither side has it.</summary>
    public ScenarioComparison? ServerMaxRate { get; init; }

    /// <summary>The serving figures compared or not compared, offline first.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<ScenarioComparison> Scenarios => new[] { OfflineThroughput, ServerMaxRate }.OfType<ScenarioComparison>();

    /// <summary>The latency verdict, then the verdict of every serving figure that was compared: what an exit code follows.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Verdict> AllVerdicts => Scenarios.Select(s => s.Verdict).OfType<Verdict>().Prepend(Verdict);

    /// <summary>Current median / baseline median (above 1 is slower).</summary>
    public double? MedianRatio => Ratio(CurrentMedianMs, BaselineMedianMs);

    /// <summary>Current p99 / baseline p99 (above 1 is slower).</summary>
    public double? P99Ratio => Ratio(CurrentP99Ms, BaselineP99Ms);

    /// <summary>Current peak RSS minus the baseline's, in bytes.</summary>
    public long? PeakRssChangeBytes => CurrentPeakRssBytes - BaselinePeakRssBytes;

    internal static double? Ratio(double? current, double? baseline) =>
        current is double c && baseline is double b && b > 0 ? c / b : null;
}
