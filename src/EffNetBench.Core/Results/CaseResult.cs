using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EffNetBench.Core.Results;

/// <summary>One planned (model, provider, batch, threads) combination and what measuring it gave.</summary>
/// <param name="Id">From <see cref="CaseId.For"/>.</param>
/// <param name="Reason">Why the case was skipped or failed; null when ok.</param>
/// <param name="Threads">Intra-op threads; null means the ONNX Runtime default.</param>
/// <param name="LatencyMs">Statistics of <paramref name="SamplesMs"/>; null unless ok.</param>
/// <param name="SamplesMs">Every measured inference latency in order; null unless ok.</param>
/// <param name="ThroughputIps">Images per second: batch x samples / total measured time.</param>
/// <param name="AchievedGflops">Model FLOPs per image x batch / median latency, in GFLOP/s; null when FLOPs are unknown.</param>
public sealed record CaseResult(
    string Id,
    CaseStatus Status,
    string? Reason,
    ModelInfo Model,
    string Provider,
    int Batch,
    int? Threads,
    LatencySummary? LatencyMs,
    ImmutableArray<double>? SamplesMs,
    int? WarmupCount,
    StoppingInfo? Stopping,
    double? ThroughputIps,
    double? AchievedGflops,
    ColdStart? ColdStartMs,
    MemoryUsage? Memory)
{
    /// <summary>Copy of <see cref="StoppingInfo.PrecisionTargetMet"/> at case level, so readers can filter without descending.</summary>
    public bool? PrecisionTargetMet => Stopping?.PrecisionTargetMet;

    /// <summary>The bare-loop reference measured on the same session, when the run asked for it; null otherwise.</summary>
    public HarnessCheck? HarnessCheck { get; init; }

    /// <summary>Set on end-to-end cases (image bytes to class, `run --end-to-end`), null on model-only cases; its presence
    /// is what keeps the two kinds apart in ids, comparisons and leaderboards.</summary>
    public EndToEndInfo? EndToEnd { get; init; }

    /// <summary>What else the machine did while this case was measured (all launches together when there were several).</summary>
    public NoiseInfo? Noise { get; init; }

    /// <summary>Every launch of the case when it was measured in more than one process (`--launches N`); null for one launch.</summary>
    public ImmutableArray<LaunchResult>? Launches { get; init; }

    /// <summary>The arm of an interleaved A/B run (`effnet-bench ab`): "baseline" or "candidate"; null in a plain run.</summary>
    public string? Arm { get; init; }

    /// <summary>Set on failed cases: transient (crash, signal, timeout, I/O) or deterministic (the model or provider
    /// refused); null otherwise, and on failed cases of runs written before it existed (read as deterministic).</summary>
    public FailureKind? FailureKind { get; init; }

    /// <summary>The ONNX Runtime library this case asked for (an A/B run's arm library, full path); null for the library
    /// of the measuring process. Additive: older files read as null.</summary>
    public string? OrtLibrary { get; init; }

    /// <summary>The NuGet package <see cref="OrtLibrary"/> came from (an A/B arm's `--baseline-ort 1.30.0`), with its
    /// version, flavor and SHA-512; null when the case asked for no library or for one outside the runtime cache. Additive.</summary>
    public OrtPackage? OrtPackage { get; init; }

    /// <summary>Between-launch spread: the largest launch median over the smallest (1.0 = the launches agree exactly);
    /// null with fewer than two launches. Derived from <see cref="Launches"/>, written for readers, ignored when read.</summary>
    public double? LaunchSpread => Launches is { Length: > 1 } launches && launches.Min(l => l.LatencyMs.Median) is > 0 and double low
        ? launches.Max(l => l.LatencyMs.Median) / low
        : null;

    /// <summary>True when two launches' 99 % confidence intervals of the mean do not overlap: the launches disagree beyond
    /// the case's own precision (launch-dependent or bimodal results), so the pooled figures hide a difference between
    /// processes. Null with fewer than two launches. Derived from <see cref="Launches"/>, ignored when read.</summary>
    public bool? LaunchesDisagree => Launches is { Length: > 1 } launches
        ? launches.Min(l => l.LatencyMs.Mean + (l.LatencyMs.Ci99HalfWidth ?? 0)) < launches.Max(l => l.LatencyMs.Mean - (l.LatencyMs.Ci99HalfWidth ?? 0))
        : null;

    /// <summary>`run --profile`: the profiling pass of the case; null when not profiled. Additive.</summary>
    public ProfileSummary? Profile { get; init; }

    /// <summary>`run --scenario offline,server`: the serving scenarios of the case; null when only single-stream. Additive.</summary>
    public ScenarioResults? Scenarios { get; init; }

    /// <summary>Process CPU time per image of the single-stream samples (all threads), in milliseconds; null when not
    /// measured. Additive.</summary>
    public double? CpuMsPerImage { get; init; }

    /// <summary>Whether ONNX Runtime's intra-op threads were allowed to spin (`--spin on|off`); null for the runtime's
    /// default (older files). Additive.</summary>
    public bool? Spin { get; init; }

    /// <summary>`--precision`: how the case's converted model was made; null for fp32. Additive.</summary>
    public ConversionSummary? Conversion { get; init; }

    /// <summary>On a results.jsonl line of a case planned with several launches: which launch the line holds, whatever
    /// its status (a failed or skipped launch has no <see cref="LaunchResult"/>); null otherwise and on merged entries.</summary>
    public int? Launch { get; init; }

    /// <summary>The launch a results.jsonl line holds (1 for a line of a one-launch case). Lines of one case are told
    /// apart, and superseded, by (id, launch).</summary>
    [JsonIgnore]
    public int LaunchIndex => Launch ?? (Launches is { Length: 1 } one ? one[0].Index : 1);

    public static CaseResult Skipped(string id, ModelInfo model, string provider, int batch, int? threads, string reason) =>
        NotMeasured(CaseStatus.Skipped, id, model, provider, batch, threads, reason);

    public static CaseResult Failed(string id, ModelInfo model, string provider, int batch, int? threads, string reason,
        FailureKind kind = Results.FailureKind.Deterministic) =>
        NotMeasured(CaseStatus.Failed, id, model, provider, batch, threads, reason) with { FailureKind = kind };

    private static CaseResult NotMeasured(CaseStatus status, string id, ModelInfo model, string provider, int batch, int? threads, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new CaseResult(id, status, reason, model, provider, batch, threads, null, null, null, null, null, null, null, null);
    }
}
