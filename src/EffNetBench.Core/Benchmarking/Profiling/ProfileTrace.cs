using System.Collections.Immutable;

namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>An ONNX Runtime profile as read by <see cref="ProfileTraceReader"/>: its node executions and its inferences.</summary>
/// <param name="Kernels">Node executions in trace order.</param>
/// <param name="Runs">The "model_run" session events (one per inference), in time order, as (start, duration) in microseconds.</param>
/// <param name="Events">Events read.</param>
/// <param name="Truncated">The text ended (or broke) before the array closed: the events before the break were kept.</param>
public sealed record ProfileTrace(
    ImmutableArray<TraceKernel> Kernels,
    ImmutableArray<(long StartUs, long DurationUs)> Runs,
    int Events,
    bool Truncated);
