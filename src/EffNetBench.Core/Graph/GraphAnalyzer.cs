using Onnx;

namespace EffNetBench.Core.Graph;

/// <summary>
/// Static analysis of an ONNX graph: shape inference (with constant propagation of small shape
/// tensors), parameter and weight-size count, MACs / FLOPs and activation memory.
/// </summary>
/// <remarks>
/// <para><b>MACs</b> are multiply-accumulates of Conv, ConvTranspose, QLinearConv, ConvInteger, Gemm,
/// MatMul, QLinearMatMul, MatMulInteger and Einsum. Conv: N * prod(out spatial) * C_out * (C_in / group)
/// * prod(kernel) (1-D/2-D/3-D). ConvTranspose: N * C_in * prod(in spatial) * (C_out / group) *
/// prod(kernel). Gemm / MatMul: prod(output dims, broadcast batch included) * K. Einsum: (inputs - 1) *
/// product of all index sizes. Bias adds are not MACs.</para>
/// <para><b>FLOPs</b> = 2 * MACs + OtherFlops. OtherFlops, per output element unless noted: bias add 1
/// (Conv, ConvTranspose, Gemm, QLinearConv); requantisation 2 (QLinearConv, QLinearMatMul); each
/// activation and unary math op 1 (Relu, LeakyRelu, PRelu, Clip, Sigmoid, HardSigmoid, HardSwish, Tanh,
/// Elu, Selu, Softplus, Gelu, Erf, Exp, Log, Sqrt, Neg, Abs, Reciprocal, Floor, Ceil, ...); binary
/// broadcasting ops 1 (Add, Sub, Mul, Div, Pow, Mod, comparisons, logical ops, Where); Sum/Max/Min
/// (inputs - 1), Mean inputs; BatchNormalization 2 (scale + shift, inference); Layer/Instance/Group
/// normalisation 7; Softmax / LogSoftmax 3; LRN size + 3; MaxPool / AveragePool / LpPool kernel size
/// per output element; GlobalAveragePool / GlobalMaxPool, Reduce*, ArgMax/ArgMin and TopK 1 per
/// input element; Resize / Upsample 1; QuantizeLinear / DequantizeLinear 2; com.microsoft QLinearAdd /
/// QLinearMul / QLinearSigmoid / QLinearLeakyRelu 3, QLinearGlobalAveragePool 1 per input + 2 per
/// output. Data movement (Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Concat, Split, Slice, Pad,
/// Cast, Identity, Dropout, Constant, ConstantOfShape, Shape, Size, Range, Gather*, Scatter*, Expand,
/// Tile, DepthToSpace, SpaceToDepth) costs 0 and is costed, not "not counted".</para>
/// <para><b>Params</b> count elements of constants (initializers and Constant-node values) consumed at
/// a weight slot. Not params: int64 / bool / string tensors, single-element constants (scalars such
/// as eps or the 3 and 6 of HardSwish), constants used only as shapes / axes / indices / pads /
/// scales (Reshape, Resize, Slice, ...), and quantisation scales and zero points (so a quantized model
/// has the same Params as its float model). Each weight is attributed to its first consumer.
/// WeightBytes uses dims and element size only, never the payload.</para>
/// <para>Anything that cannot be costed (unknown op, custom domain, subgraph, unresolved dim,
/// unknown shape value) is listed in <see cref="GraphAnalysis.NotCounted"/>, never silently zero.</para>
/// </remarks>
public static class GraphAnalyzer
{
    /// <summary>Human-readable definition of the counted quantities (see the class remarks).</summary>
    public const string FlopsDefinition =
        "MACs = multiply-accumulates of Conv, ConvTranspose, QLinearConv, ConvInteger, Gemm, MatMul, QLinearMatMul, "
        + "MatMulInteger and Einsum; Conv = N*H_out*W_out*C_out*(C_in/group)*k_h*k_w (1-D/3-D alike), "
        + "ConvTranspose = N*C_in*prod(in spatial)*(C_out/group)*prod(kernel), Gemm/MatMul = prod(output dims)*K. "
        + "Bias adds are not MACs. FLOPs = 2*MACs + OtherFlops. OtherFlops per output element: bias add 1; "
        + "requantisation in QLinearConv/QLinearMatMul 2; activations and unary math 1; binary element-wise and "
        + "comparison ops 1; Sum/Max/Min inputs-1, Mean inputs; BatchNormalization 2; Layer/Instance/GroupNormalization 7; "
        + "Softmax/LogSoftmax 3; LRN size+3; Max/Average/LpPool kernel size; Resize 1; QuantizeLinear/DequantizeLinear 2; "
        + "QLinearAdd/QLinearMul 3. Per input element: GlobalAverage/GlobalMaxPool, Reduce*, ArgMax/ArgMin, TopK 1. "
        + "Data movement (Reshape, Transpose, Concat, Slice, Gather, Pad, Cast, ...) costs 0. "
        + "Params = elements of non-int64, non-scalar constants feeding weight inputs; shape constants and "
        + "quantisation scales/zero points are excluded. Nodes that cannot be costed are listed as not counted.";

    /// <summary>Analyses <paramref name="model"/>. Never throws for a valid model; see <see cref="GraphAnalysis.NotCounted"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="AnalysisOptions.Batch"/> is not positive.</exception>
    public static GraphAnalysis Analyze(ModelProto model, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        return GraphAnalysisPass.Analyze(model, options);
    }
}
