namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>One model's latency on one (hardware, provider), next to the same model on the baseline.</summary>
/// <param name="SpeedUp">Baseline median latency / this median latency (2.0 = twice as fast); null when the baseline did not run the model.</param>
/// <param name="Baseline">This entry is the one the others are compared with.</param>
/// <param name="Note">Differences that are not the hardware's: ONNX Runtime version, threads.</param>
public sealed record HardwareComparison(
    string Model,
    int? Resolution,
    int Batch,
    string Hardware,
    string Provider,
    int? Threads,
    double LatencyMedianMs,
    double? ThroughputIps,
    double? SpeedUp,
    bool Baseline,
    string? Note)
{
    /// <summary>The precision both sides ran in ("fp32"...). Additive.</summary>
    public string Precision { get; init; } = "fp32";
}
