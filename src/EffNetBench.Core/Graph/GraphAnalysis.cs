using System.Collections.Immutable;

namespace EffNetBench.Core.Graph;

/// <summary>Result of <see cref="GraphAnalyzer.Analyze"/>. See <see cref="GraphAnalyzer.FlopsDefinition"/>.</summary>
/// <param name="Inputs">Graph inputs that are not initializers.</param>
/// <param name="Outputs">Graph outputs, with inferred shapes where available.</param>
/// <param name="Opset">Opset version of the default ONNX domain.</param>
/// <param name="NodeCount">Number of nodes in the main graph.</param>
/// <param name="Params">Weight elements (see <see cref="GraphAnalyzer.FlopsDefinition"/> for what counts).</param>
/// <param name="WeightBytes">Bytes of the weights counted in <paramref name="Params"/>, from dims and element type.</param>
/// <param name="Macs">Multiply-accumulates of the costed nodes.</param>
/// <param name="Flops">2 * Macs + OtherFlops.</param>
/// <param name="OtherFlops">Element-wise, bias, normalisation, pooling and similar work.</param>
/// <param name="ActivationBytes">Sum of the sizes of all node outputs (Constant nodes excluded) with resolved shapes.</param>
/// <param name="PeakActivationBytes">Largest total size of live tensors (graph inputs and node outputs) during a topological walk.</param>
/// <param name="ByOp">Totals per op type over the costed nodes, largest FLOPs first.</param>
/// <param name="Nodes">Costed nodes in execution order.</param>
/// <param name="NotCounted">Nodes that could not be costed, with the reason.</param>
/// <param name="Warnings">Assumptions made and information that could be incomplete.</param>
public sealed record GraphAnalysis(
    ImmutableArray<GraphTensorInfo> Inputs,
    ImmutableArray<GraphTensorInfo> Outputs,
    long Opset,
    int NodeCount,
    long Params,
    long WeightBytes,
    long Macs,
    long Flops,
    long OtherFlops,
    long ActivationBytes,
    long PeakActivationBytes,
    ImmutableArray<OpTypeSummary> ByOp,
    ImmutableArray<NodeCost> Nodes,
    ImmutableArray<NotCountedNode> NotCounted,
    ImmutableArray<string> Warnings)
{
    /// <summary>The part of <see cref="Macs"/> done on 8-bit integers: QLinearConv/QLinearMatMul/ConvInteger/MatMulInteger/QGemm,
    /// and Conv/Gemm/MatMul whose data and weight inputs both come from DequantizeLinear of int8/uint8 tensors (QDQ, which
    /// ONNX Runtime fuses into an integer kernel). Counted once, like the float MACs they replace.</summary>
    public long IntegerMacs { get; init; }

    /// <summary>True when every node was costed, so the totals are complete.</summary>
    public bool IsComplete => NotCounted.IsEmpty;
}
