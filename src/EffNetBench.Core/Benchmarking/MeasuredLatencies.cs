using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Individual inference latencies of one case, in measurement order, and why measurement stopped.</summary>
public sealed record MeasuredLatencies(ImmutableArray<double> SamplesMs, int WarmupCount, int MinSamples, int MaxSamples, StopReason StoppedBy);
