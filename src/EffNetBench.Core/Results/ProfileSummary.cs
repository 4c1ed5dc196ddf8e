using System.Collections.Immutable;

namespace EffNetBench.Core.Results;

/// <summary>The "profile" object of a case (`run --profile`): a separate pass with ONNX Runtime's profiler after the
/// case's timed samples, its trace joined with the graph analysis. Additive: older files read as null.</summary>
/// <param name="Inferences">Inferences profiled (after the timed samples, never during them).</param>
/// <param name="TraceFile">The raw trace, relative to the run folder ("profile/&lt;case&gt;.json"); null when the runtime
/// wrote none.</param>
/// <param name="NodeTimeMs">Sum over nodes of each node's median time per inference.</param>
/// <param name="CaseMedianMs">The case's measured median latency (timed samples), which <see cref="NodeTimeMs"/> is
/// compared with.</param>
/// <param name="Nodes">Every node the trace timed, matched back to the analysed graph where possible
/// (<see cref="ProfiledNode.Matched"/> false otherwise; never dropped).</param>
/// <param name="Kinds">Per operator kind (depthwise, pointwise and full convolutions apart), largest time first.</param>
/// <param name="Stages">Per EfficientNet stage (stem, MBConv stages, head) for zoo variants; empty otherwise.</param>
/// <param name="Placement">Per execution provider named by the trace: nodes and time.</param>
/// <param name="CpuFallback">True when a case on a non-CPU provider had any node run by the CPU provider.</param>
/// <param name="Warnings">What limited the join (nodes without names, unmatched fused nodes, a truncated trace).</param>
public sealed record ProfileSummary(
    int Inferences,
    string? TraceFile,
    double NodeTimeMs,
    double CaseMedianMs,
    ImmutableArray<ProfiledNode> Nodes,
    ImmutableArray<ProfileGroup> Kinds,
    ImmutableArray<ProfileGroup> Stages,
    ImmutableArray<ProviderPlacement> Placement,
    bool CpuFallback,
    ImmutableArray<string> Warnings)
{
    /// <summary>Runtime overhead between nodes: the case's median latency minus the node times.</summary>
    public double OverheadMs => CaseMedianMs - NodeTimeMs;
}

/// <summary>One node of a profiled case.</summary>
/// <param name="Name">The node name in the trace (fused nodes keep the runtime's name).</param>
/// <param name="OpType">The operator the runtime ran (trace "op_name").</param>
/// <param name="Kind">Operator kind for aggregation: "conv-depthwise", "conv-pointwise", "conv", or the op type.</param>
/// <param name="Stage">EfficientNet stage ("stem", "stage1".."stage7", "head") for zoo variants; null otherwise.</param>
/// <param name="Provider">The provider that ran it (trace "provider", e.g. "CPUExecutionProvider").</param>
/// <param name="MedianUs">Median time per inference over the profiled inferences, in microseconds.</param>
/// <param name="Flops">FLOPs per inference from the analysis of the matched original nodes; null when unmatched.</param>
/// <param name="Macs">Multiply-adds per inference, likewise.</param>
/// <param name="BytesRead">Bytes of inputs and weights read; null when unmatched.</param>
/// <param name="BytesWritten">Bytes of outputs written; null when unmatched.</param>
/// <param name="Matched">Whether the node was matched back to the analysed graph.</param>
/// <param name="OriginalNodes">The analysed graph's nodes it covers (several for a fused node).</param>
public sealed record ProfiledNode(
    string Name,
    string OpType,
    string Kind,
    string? Stage,
    string Provider,
    double MedianUs,
    double? Flops,
    double? Macs,
    long? BytesRead,
    long? BytesWritten,
    bool Matched,
    ImmutableArray<string> OriginalNodes)
{
    /// <summary>Spread of the node's per-inference times over the profiled inferences: their median absolute deviation
    /// from <see cref="MedianUs"/>, in microseconds; null when not recorded. `profile diff` states its noise from it.
    /// Additive.</summary>
    public double? SpreadUs { get; init; }

    /// <summary>FLOPs per byte moved; null when either is unknown or no bytes.</summary>
    public double? Intensity => Flops is double f && BytesRead + BytesWritten is long b && b > 0 ? f / b : null;

    /// <summary>Achieved GFLOP/s of the node; null when FLOPs are unknown or the time is 0.</summary>
    public double? AchievedGflops => Flops is double f && MedianUs > 0 ? f / (MedianUs * 1e3) : null;

    /// <summary>Achieved GB/s of the node; null when bytes are unknown or the time is 0.</summary>
    public double? AchievedGBps => BytesRead + BytesWritten is long b && MedianUs > 0 ? b / (MedianUs * 1e3) : null;
}

/// <summary>Nodes grouped by operator kind or by stage.</summary>
/// <param name="TimeShare">Share of <see cref="ProfileSummary.NodeTimeMs"/>, 0 to 1.</param>
/// <param name="FlopShare">Share of the case's matched FLOPs, 0 to 1.</param>
/// <param name="Bytes">Bytes read and written by the group's matched nodes.</param>
public sealed record ProfileGroup(
    string Name,
    int Nodes,
    double TimeMs,
    double TimeShare,
    double Flops,
    double FlopShare,
    double Bytes)
{
    public double? Intensity => Bytes > 0 ? Flops / Bytes : null;

    public double? AchievedGflops => TimeMs > 0 ? Flops / (TimeMs * 1e6) : null;

    public double? AchievedGBps => TimeMs > 0 ? Bytes / (TimeMs * 1e6) : null;
}

/// <summary>How many nodes, and how much of the node time, one execution provider ran.</summary>
public sealed record ProviderPlacement(string Provider, int Nodes, double TimeMs, double TimeShare);
