namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>One model's latency, and its serving figures where measured, on one (hardware, provider), next to the same
/// model on the baseline.</summary>
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
    /// <summary>Images per second at this entry's best offline point; null without an offline scenario.</summary>
    public double? OfflineImagesPerSecond { get; init; }

    public int? OfflineConcurrency { get; init; }

    public int? OfflineBatch { get; init; }

    /// <summary>This offline throughput / the baseline's (2.0 = twice the images per second); null when either is missing.</summary>
    public double? OfflineRatio { get; init; }

    /// <summary>The highest server rate within <see cref="ServerLatencyBoundMs"/>; null without a server scenario or when
    /// even its lowest rate exceeded the bound.</summary>
    public double? ServerMaxRate { get; init; }

    public double? ServerRateBracketHigh { get; init; }

    public double? ServerLatencyBoundMs { get; init; }

    /// <summary>This maximum rate / the baseline's; null when either is missing or the two bounds differ (rates within
    /// different bounds are not the same measure; <see cref="Note"/> says so).</summary>
    public double? MaxRateRatio { get; init; }

    /// <summary>The precision both sides ran in ("fp32"...). Additive.</summary>
    public string Precision { get; init; } = "fp32";
}
