using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Individual inference latencies of one case, in measurement order, and why measurement stopped.</summary>
public sealed record MeasuredLatencies(ImmutableArray<double> SamplesMs, int WarmupCount, int MinSamples, int MaxSamples, StopReason StoppedBy)
{
    /// <summary>Every inference of BenchmarkDotNet's span (its jitting and warm-up iterations included).</summary>
    public long SpanInferences { get; init; }

    /// <summary>Process CPU time over that span, all threads; null when unknown.</summary>
    public TimeSpan? SpanCpu { get; init; }

    /// <summary>CPU milliseconds per image over the span: the single-stream CPU cost, BenchmarkDotNet's own bookkeeping
    /// between iterations included (small next to an inference); null when unknown.</summary>
    public double? CpuMsPerImage(int batch) => SpanCpu is TimeSpan cpu && SpanInferences > 0
        ? cpu.TotalMilliseconds / (SpanInferences * (double)batch)
        : null;
}
