using System.Collections.Immutable;

namespace EffNetBench.Core.Graph;

/// <summary>Cost of one costed node (nodes that could not be costed are in <see cref="GraphAnalysis.NotCounted"/>).</summary>
/// <param name="Name">Node name, or "&lt;op_type&gt;_&lt;index&gt;" when the node is unnamed.</param>
/// <param name="OpType">ONNX op_type (domain-qualified for non-default domains).</param>
/// <param name="OutputShape">Shape of the first output.</param>
/// <param name="Macs">Multiply-accumulates.</param>
/// <param name="Flops">2 * Macs + other FLOPs.</param>
/// <param name="Params">Parameters attributed to this node.</param>
public sealed record NodeCost(
    string Name,
    string OpType,
    ImmutableArray<long> OutputShape,
    long Macs,
    long Flops,
    long Params);
