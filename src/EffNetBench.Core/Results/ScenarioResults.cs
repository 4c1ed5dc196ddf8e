using System.Collections.Immutable;

namespace EffNetBench.Core.Results;

/// <summary>The "scenarios" object of a case (`run --scenario offline,server`): the serving scenarios measured after
/// the single-stream samples, on the same session. Additive: older files read as null.</summary>
public sealed record ScenarioResults(OfflineResult? Offline, ServerResult? Server);

/// <summary>Maximum throughput: concurrent requests on one session over a sweep of concurrency and batch.</summary>
/// <param name="Points">Every (concurrency, batch) point measured, in sweep order.</param>
/// <param name="Best">The point with the highest throughput.</param>
/// <param name="StoppingRule">The rule each point stopped by, in words.</param>
/// <param name="Note">E.g. "the model's batch is fixed at 1: the sweep used it"; null otherwise.</param>
public sealed record OfflineResult(
    ImmutableArray<OfflinePoint> Points,
    OfflinePoint Best,
    string StoppingRule,
    string? Note);

/// <param name="ImagesPerSecond">Images completed over the measured span.</param>
/// <param name="CiLow">Lower end of the 95 % confidence interval of the throughput.</param>
/// <param name="WindowImagesPerSecond">Throughput of each successive measuring window (the samples of the interval
/// and of compare's test).</param>
/// <param name="CpuMsPerImage">Process CPU time per image over the span, all threads, in milliseconds.</param>
public sealed record OfflinePoint(
    int Concurrency,
    int Batch,
    double ImagesPerSecond,
    double CiLow,
    double CiHigh,
    long Images,
    double Seconds,
    ImmutableArray<double> WindowImagesPerSecond,
    double CpuMsPerImage);

/// <summary>Open-loop Poisson arrivals at target rates; each latency runs from the request's scheduled arrival to its
/// completion (queueing included, no coordinated omission).</summary>
/// <param name="LatencyBoundMs">The p99 bound the rate search keeps to.</param>
/// <param name="BoundSource">Where the bound came from: "--latency-bound" or e.g. "3 x single-stream p99".</param>
/// <param name="MaxRateWithinBound">The highest offered rate (requests per second) whose p99 stayed within the bound;
/// null when even the lowest rate tried exceeded it.</param>
/// <param name="RateBracketHigh">The lowest offered rate measured whose p99 exceeded the bound (the search's upper
/// bracket); null when none did.</param>
/// <param name="Seed">The arrival process's seed.</param>
/// <param name="Points">Every offered rate measured, in increasing rate.</param>
public sealed record ServerResult(
    double LatencyBoundMs,
    string BoundSource,
    double? MaxRateWithinBound,
    double? RateBracketHigh,
    int Seed,
    ImmutableArray<ServerPoint> Points)
{
    /// <summary>Executors serving the queue (the offline best concurrency when offline ran, else 1). Additive.</summary>
    public int? Executors { get; init; }

    /// <summary>The search and the size of each point, in words. Additive.</summary>
    public string? Rule { get; init; }

    /// <summary>Why no rate was measured (e.g. the bound is below the single-stream median); null when measured. Additive.</summary>
    public string? Note { get; init; }
}

/// <param name="OfferedRate">Target arrival rate, requests per second.</param>
/// <param name="AchievedRate">Completed requests per second over the span.</param>
/// <param name="LateIssues">Requests the generator could not issue at their scheduled time (counted, never dropped;
/// their latency still runs from the scheduled time).</param>
public sealed record ServerPoint(
    double OfferedRate,
    double AchievedRate,
    int Requests,
    int LateIssues,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double CpuMsPerImage,
    bool WithinBound);
