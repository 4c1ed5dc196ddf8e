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
    long Params)
{
    /// <summary>Names of the node's input tensors (weights included), in order; empty inputs left out.</summary>
    public ImmutableArray<string> Inputs { get; init; } = [];

    /// <summary>Names of the node's output tensors.</summary>
    public ImmutableArray<string> Outputs { get; init; } = [];

    /// <summary>Bytes of each of <see cref="Inputs"/> from its shape and element type; null where unknown.</summary>
    public ImmutableArray<long?> InputBytes { get; init; } = [];

    /// <summary>Bytes of each of <see cref="Outputs"/>; null where unknown.</summary>
    public ImmutableArray<long?> OutputBytes { get; init; } = [];

    /// <summary>Bytes the node reads: every input, activations and weights; null when one is unknown.</summary>
    public long? BytesRead => Sum(InputBytes);

    /// <summary>Bytes the node writes: every output; null when one is unknown.</summary>
    public long? BytesWritten => Sum(OutputBytes);

    /// <summary>Operator kind (<see cref="OperatorKind"/>): convolutions split into depthwise, pointwise and full.</summary>
    public string Kind { get; init; } = OpType;

    private static long? Sum(ImmutableArray<long?> bytes) => bytes.Any(b => b is null) ? null : bytes.Sum(b => b!.Value);
}
