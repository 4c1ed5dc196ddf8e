using System.Collections.Immutable;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Individual inference latencies of one case, in measurement order, and why measurement stopped.</summary>
/// <param name="StoppedBy">"precision", "time_cap" or "max_samples".</param>
public sealed record MeasuredLatencies(ImmutableArray<double> SamplesMs, int WarmupCount, int MinSamples, int MaxSamples, string StoppedBy);
