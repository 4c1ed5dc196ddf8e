using System.Collections.Immutable;

namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>One node execution in an ONNX Runtime profile: an event of category "Node" named "&lt;node&gt;_kernel_time".</summary>
/// <param name="Name">The node's name in the runtime's (optimized) graph; empty for a node the model left unnamed.</param>
/// <param name="NodeIndex">The trace's "node_index" (index in the optimized graph), which tells unnamed nodes apart; null when absent.</param>
/// <param name="OpType">The trace's "op_name".</param>
/// <param name="Provider">The trace's "provider", e.g. "CPUExecutionProvider".</param>
/// <param name="TimestampUs">Start, microseconds since the profiler started.</param>
/// <param name="DurationUs">Duration in microseconds.</param>
/// <param name="InputShapes">The trace's "input_type_shape" (dims per input; empty when absent).</param>
/// <param name="OutputShapes">The trace's "output_type_shape".</param>
public sealed record TraceKernel(
    string Name,
    string? NodeIndex,
    string OpType,
    string Provider,
    long TimestampUs,
    long DurationUs,
    ImmutableArray<ImmutableArray<long>> InputShapes,
    ImmutableArray<ImmutableArray<long>> OutputShapes)
{
    /// <summary>What tells nodes apart across inferences: the name, and the node index (names may be empty or repeated).</summary>
    public string Key => NodeIndex is null ? Name : Name + "#" + NodeIndex;
}
