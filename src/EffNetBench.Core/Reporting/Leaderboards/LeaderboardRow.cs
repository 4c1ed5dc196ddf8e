using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>
/// One measured (model, resolution, provider, hardware, batch, threads) case with its accuracy and efficiency figures.
/// Null means unknown: no figure is ever made up.
/// </summary>
/// <param name="Hardware">CPU, logical cores and GPUs of the machine, from <see cref="HardwareLabel.For"/>.</param>
/// <param name="Threads">Intra-op threads; null is ONNX Runtime's default.</param>
/// <param name="Gmacs">Multiply-adds per image / 1e9.</param>
/// <param name="Gflops">FLOPs per image / 1e9 (2 x MACs + element-wise work).</param>
/// <param name="Top1">ImageNet top-1 in percent from <paramref name="Top1Source"/>.</param>
/// <param name="Top1Source">Where <paramref name="Top1"/> comes from: "paper", "timm-csv:FILE", "measured:FILE", ...</param>
/// <param name="LatencyMedianMs">Median latency of one inference of the whole batch.</param>
/// <param name="PeakRssMb">Peak resident set in MiB (of the process, which includes earlier cases).</param>
/// <param name="MsPerImage">Median latency per image: <paramref name="LatencyMedianMs"/> / batch, comparable with the per-image GFLOPs.</param>
/// <param name="Pareto">No other row of the same provider, hardware, batch and threads is as accurate and as fast, and better in one.</param>
/// <param name="MarginalTop1">For a Pareto row after the first, the top-1 points it gains over the previous (faster) Pareto row.</param>
/// <param name="MarginalMsPerImagePerPoint">For a Pareto row, extra ms per image per extra top-1 point over the previous Pareto row: does the bigger model pay?</param>
/// <param name="MarginalGflopsPerPoint">For a Pareto row, extra GFLOPs per image per extra top-1 point over the previous Pareto row.</param>
/// <param name="GflopsPerTop1Point">Average: GFLOPs per image / top-1 %. Ranks models almost as GFLOPs alone do; kept in CSV/JSON for compatibility.</param>
/// <param name="MsPerTop1Point">Average: median ms of the batch / top-1 %. Ranks models almost as latency alone does; kept in CSV/JSON for compatibility.</param>
/// <param name="Top1PerGflop">Average: top-1 % / GFLOPs per image; kept in CSV/JSON for compatibility.</param>
/// <param name="Note">Caveats of this row, "; "-separated.</param>
public sealed record LeaderboardRow(
    string Model,
    int? Resolution,
    string Provider,
    string Hardware,
    int Batch,
    int? Threads,
    long? Params,
    double? Gmacs,
    double? Gflops,
    double? Top1,
    string? Top1Source,
    double? Top5,
    double? LatencyMedianMs,
    double? LatencyP90Ms,
    double? LatencyP99Ms,
    double? ThroughputIps,
    double? PeakRssMb,
    double? MsPerImage,
    bool Pareto,
    double? MarginalTop1,
    double? MarginalMsPerImagePerPoint,
    double? MarginalGflopsPerPoint,
    double? GflopsPerTop1Point,
    double? MsPerTop1Point,
    double? Top1PerGflop,
    string? Note)
{
    /// <summary>The checkpoint <see cref="Top1"/> is of (tf_efficientnet_b0.aa_in1k, a model file); null for a published table or no accuracy.</summary>
    public string? AccuracyCheckpoint { get; init; }

    /// <summary>Half-width of the case's 99 % confidence interval of the mean latency, in ms (of the batch); null when not recorded.</summary>
    public double? LatencyCi99HalfWidthMs { get; init; }

    /// <summary>False when the case's measurement stopped (time cap, sample limit) before its precision target: its
    /// latency is less certain than asked. Null when not recorded.</summary>
    public bool? PrecisionTargetMet { get; init; }

    /// <summary>For a frontier row: the rows of its table ("b1@240, b2@260") it would dominate, or be dominated by, on a
    /// latency difference within the two cases' 99 % CIs, so neither is dropped; null when none.</summary>
    public string? TiedWith { get; init; }

    /// <summary>Share of attainable compute: the case's achieved GFLOP/s (its profile's matched FLOPs over its median
    /// latency) over the roofline at its overall intensity (min(compute peak, intensity x bandwidth), the run's measured
    /// peaks); null unless the case was profiled (`run --profile`) and the run has peaks for its provider and threads.</summary>
    public double? ShareOfAttainable { get; init; }

    /// <summary>True for a profiled case on a GPU provider with nodes placed on the CPU provider; null when not profiled.</summary>
    public bool? CpuFallback { get; init; }

    /// <summary>Zoo models carry synthetic weights, so any accuracy they show is a published figure, not theirs.</summary>
    public ModelSource? ModelSource { get; init; }

    /// <summary>`run --scenario offline`: images per second of the sweep's best (concurrency, batch) point; null when
    /// the case has no offline scenario.</summary>
    public double? OfflineImagesPerSecond { get; init; }

    /// <summary>Concurrent requests of the best offline point.</summary>
    public int? OfflineConcurrency { get; init; }

    /// <summary>Batch of the best offline point.</summary>
    public int? OfflineBatch { get; init; }

    /// <summary>Process CPU time per image at the best offline point (all threads), in ms.</summary>
    public double? OfflineCpuMsPerImage { get; init; }

    /// <summary>`run --scenario server`: the highest offered rate (requests per second) whose p99 stayed within
    /// <see cref="ServerLatencyBoundMs"/>; null when the case has no server scenario or even its lowest rate exceeded the bound.</summary>
    public double? ServerMaxRate { get; init; }

    /// <summary>The lowest offered rate whose p99 exceeded the bound (the upper end of the search's bracket); null when none did.</summary>
    public double? ServerRateBracketHigh { get; init; }

    /// <summary>The p99 bound of the server scenario in ms; null when the case has none.</summary>
    public double? ServerLatencyBoundMs { get; init; }

    /// <summary>Where the bound came from ("--latency-bound", "3 x single-stream p99").</summary>
    public string? ServerBoundSource { get; init; }

    /// <summary>Process CPU time per image of the single-stream samples (all threads), in ms; null when not measured.</summary>
    public double? CpuMsPerImage { get; init; }

    /// <summary>Whether ONNX Runtime's intra-op threads could spin (`--spin on|off`); null for the runtime's default.</summary>
    public bool? Spin { get; init; }

    /// <summary>The precision the case ran in: "fp32", "fp16", "int8", "int8-dynamic" (fp32 for results written before
    /// precision existed). Additive.</summary>
    public string Precision { get; init; } = "fp32";
}
