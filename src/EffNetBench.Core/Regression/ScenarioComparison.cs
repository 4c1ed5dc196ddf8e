namespace EffNetBench.Core.Regression;

/// <summary>
/// One serving figure of a case on both sides (`run --scenario offline,server`): the offline throughput or the server's
/// maximum rate within its p99 bound, judged with compare's vocabulary (<see cref="ScenarioComparer"/> has the rules).
/// More is better for both: <see cref="Verdict.Faster"/> means more images or requests per second.
/// </summary>
/// <param name="Metric"><see cref="OfflineThroughput"/> or <see cref="ServerMaxRate"/>.</param>
/// <param name="Unit">"images/s" or "requests/s".</param>
/// <param name="Configuration">What was compared: the offline point ("c2, b8"), the server's bound ("p99 ≤ 30 ms").</param>
/// <param name="BaselineValue">The baseline's images per second at the point, or its maximum rate within the bound.</param>
/// <param name="Verdict">Null when the figure was not compared (a side lacks the scenario or the point): never a guess.</param>
/// <param name="Note">Why the verdict is inconclusive, or why the figure was not compared, in words.</param>
public sealed record ScenarioComparison(
    string Metric,
    string Unit,
    string? Configuration,
    double? BaselineValue,
    double? CurrentValue,
    Verdict? Verdict,
    InconclusiveReason? Reason,
    string? Note)
{
    public const string OfflineThroughput = "offline_throughput";
    public const string ServerMaxRate = "server_max_rate";

    /// <summary>False when a side lacks what is compared; <see cref="Verdict"/> is then null.</summary>
    public bool Compared => Verdict is not null;

    /// <summary>Current / baseline (above 1: more per second).</summary>
    public double? Ratio => CaseComparison.Ratio(CurrentValue, BaselineValue);

    /// <summary>Offline: measuring windows of each side the rank test used.</summary>
    public int? BaselineSamples { get; init; }

    public int? CurrentSamples { get; init; }

    /// <summary>Offline: the equivalence tests (on wall time per image of each window) against the threshold and the noise floor.</summary>
    public Verdict? ThresholdTest { get; init; }

    public Verdict? NoiseTest { get; init; }

    /// <summary>Server: each side's rate bracket, the highest rate within the bound (0 when none was) to the lowest rate
    /// beyond it (null: none was, the bracket is open).</summary>
    public double? BaselineBracketLow { get; init; }

    public double? BaselineBracketHigh { get; init; }

    public double? CurrentBracketLow { get; init; }

    public double? CurrentBracketHigh { get; init; }

    public static ScenarioComparison NotCompared(string metric, string unit, string? configuration, double? baseline, double? current, string why) =>
        new(metric, unit, configuration, baseline, current, null, null, "not compared: " + why);
}
