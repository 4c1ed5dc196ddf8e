using System.Collections.Immutable;

namespace EffNetBench.Core.Results;

/// <summary>One launch of a case (`--launches N`): a separate process that loaded the model, warmed up and measured
/// on its own. The case's <see cref="CaseResult.SamplesMs"/> and <see cref="CaseResult.LatencyMs"/> pool every launch;
/// the launches themselves show whether they agree.</summary>
/// <param name="Index">1-based launch number of this case.</param>
/// <param name="Order">0-based position of this launch in the run's whole schedule (all cases' launches), so drift
/// over time can be told from a difference between cases.</param>
/// <param name="LatencyMs">Statistics of this launch's samples alone.</param>
/// <param name="SamplesMs">This launch's measured inference latencies in order.</param>
public sealed record LaunchResult(
    int Index,
    int Order,
    LatencySummary LatencyMs,
    ImmutableArray<double> SamplesMs,
    StoppingInfo? Stopping,
    ColdStart? ColdStartMs,
    MemoryUsage? Memory,
    NoiseInfo? Noise);
