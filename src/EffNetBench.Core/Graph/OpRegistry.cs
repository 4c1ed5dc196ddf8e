namespace EffNetBench.Core.Graph;

/// <summary>Shape/cost rules by (domain, op_type).</summary>
internal static class OpRegistry
{
    public const string MicrosoftDomain = "com.microsoft";

    private static readonly Dictionary<string, OpRule> DefaultDomain = BuildDefault();

    private static readonly Dictionary<string, OpRule> Microsoft = new(StringComparer.Ordinal)
    {
        ["QLinearAdd"] = QuantRules.QLinearBinary,
        ["QLinearMul"] = QuantRules.QLinearBinary,
        ["QLinearSigmoid"] = QuantRules.QLinearUnary,
        ["QLinearLeakyRelu"] = QuantRules.QLinearUnary,
        ["QLinearGlobalAveragePool"] = PoolRules.QLinearGlobalAveragePool,
        ["FusedConv"] = ConvRules.FusedConv,
        ["Gelu"] = QuantRules.MicrosoftActivation,
        ["FastGelu"] = QuantRules.MicrosoftActivation,
        ["QuickGelu"] = QuantRules.MicrosoftActivation,
        ["BiasGelu"] = QuantRules.MicrosoftActivation,
    };

    /// <summary>Constant inputs at these (op, input index) slots are shapes, axes, indices or
    /// quantisation parameters, never weights.</summary>
    private static readonly Dictionary<string, int[]> NonWeightSlots = new(StringComparer.Ordinal)
    {
        ["Reshape"] = [1],
        ["Resize"] = [1, 2, 3],
        ["Upsample"] = [1],
        ["Pad"] = [1, 2, 3],
        ["Slice"] = [1, 2, 3, 4],
        ["Squeeze"] = [1],
        ["Unsqueeze"] = [1],
        ["Expand"] = [1],
        ["Tile"] = [1],
        ["Split"] = [1],
        ["TopK"] = [1],
        ["ConstantOfShape"] = [0],
        ["Range"] = [0, 1, 2],
        ["Clip"] = [1, 2],
        ["OneHot"] = [1, 2],
        ["Gather"] = [1],
        ["GatherElements"] = [1],
        ["GatherND"] = [1],
        ["ScatterND"] = [1],
        ["ScatterElements"] = [1],
        ["CumSum"] = [1],
        ["Trilu"] = [1],
        ["Shape"] = [0],
        ["Size"] = [0],
        ["ReduceMean"] = [1],
        ["ReduceSum"] = [1],
        ["ReduceMax"] = [1],
        ["ReduceMin"] = [1],
        ["ReduceProd"] = [1],
        ["ReduceL1"] = [1],
        ["ReduceL2"] = [1],
        ["ReduceLogSum"] = [1],
        ["ReduceLogSumExp"] = [1],
        ["ReduceSumSquare"] = [1],
        ["QuantizeLinear"] = [1, 2],
        ["DequantizeLinear"] = [1, 2],
        ["QLinearConv"] = [1, 2, 4, 5, 6, 7],
        ["QLinearMatMul"] = [1, 2, 4, 5, 6, 7],
        ["ConvInteger"] = [2, 3],
        ["MatMulInteger"] = [2, 3],
        ["QLinearAdd"] = [1, 2, 4, 5, 6, 7],
        ["QLinearMul"] = [1, 2, 4, 5, 6, 7],
        ["QLinearSigmoid"] = [1, 2, 3, 4],
        ["QLinearLeakyRelu"] = [1, 2, 3, 4],
        ["QLinearGlobalAveragePool"] = [1, 2, 3, 4],
    };

    public static OpRule? Find(string domain, string opType) => domain switch
    {
        "" => DefaultDomain.GetValueOrDefault(opType),
        MicrosoftDomain => Microsoft.GetValueOrDefault(opType),
        _ => null,
    };

    /// <summary>True when a constant consumed at this slot may be a weight.</summary>
    public static bool IsWeightSlot(string opType, int slot) =>
        !NonWeightSlots.TryGetValue(opType, out var slots) || Array.IndexOf(slots, slot) < 0;

    private static Dictionary<string, OpRule> BuildDefault()
    {
        var d = new Dictionary<string, OpRule>(StringComparer.Ordinal)
        {
            ["Conv"] = ConvRules.Conv,
            ["ConvTranspose"] = ConvRules.ConvTranspose,
            ["QLinearConv"] = ConvRules.QLinearConv,
            ["ConvInteger"] = ConvRules.ConvInteger,
            ["Gemm"] = MatMulRules.Gemm,
            ["MatMul"] = MatMulRules.MatMul,
            ["QLinearMatMul"] = MatMulRules.QLinearMatMul,
            ["MatMulInteger"] = MatMulRules.MatMulInteger,
            ["Einsum"] = MatMulRules.Einsum,
            ["Where"] = ElementwiseRules.Where,
            ["BatchNormalization"] = NormalizationRules.BatchNormalization,
            ["LayerNormalization"] = NormalizationRules.Normalization,
            ["InstanceNormalization"] = NormalizationRules.Normalization,
            ["GroupNormalization"] = NormalizationRules.Normalization,
            ["LRN"] = NormalizationRules.Lrn,
            ["Softmax"] = NormalizationRules.Softmax,
            ["LogSoftmax"] = NormalizationRules.Softmax,
            ["MaxPool"] = PoolRules.Pool,
            ["AveragePool"] = PoolRules.Pool,
            ["LpPool"] = PoolRules.Pool,
            ["GlobalAveragePool"] = PoolRules.GlobalPool,
            ["GlobalMaxPool"] = PoolRules.GlobalPool,
            ["GlobalLpPool"] = PoolRules.GlobalPool,
            ["ArgMax"] = ReduceRules.ArgMax,
            ["ArgMin"] = ReduceRules.ArgMax,
            ["TopK"] = ReduceRules.TopK,
            ["Resize"] = ResizeRules.Resize,
            ["Upsample"] = ResizeRules.Resize,
            ["QuantizeLinear"] = QuantRules.QuantizeLinear,
            ["DequantizeLinear"] = QuantRules.DequantizeLinear,
            ["Reshape"] = LayoutRules.Reshape,
            ["Flatten"] = LayoutRules.Flatten,
            ["Squeeze"] = LayoutRules.Squeeze,
            ["Unsqueeze"] = LayoutRules.Unsqueeze,
            ["Transpose"] = LayoutRules.Transpose,
            ["DepthToSpace"] = LayoutRules.DepthToSpace,
            ["SpaceToDepth"] = LayoutRules.SpaceToDepth,
            ["Concat"] = IndexingRules.Concat,
            ["Split"] = IndexingRules.Split,
            ["Slice"] = IndexingRules.Slice,
            ["Pad"] = IndexingRules.Pad,
            ["Expand"] = IndexingRules.Expand,
            ["Tile"] = IndexingRules.Tile,
            ["Gather"] = IndexingRules.Gather,
            ["GatherElements"] = IndexingRules.GatherElements,
            ["GatherND"] = IndexingRules.GatherNd,
            ["ScatterND"] = IndexingRules.Scatter,
            ["ScatterElements"] = IndexingRules.Scatter,
            ["Scatter"] = IndexingRules.Scatter,
            ["Constant"] = ValueRules.Constant,
            ["ConstantOfShape"] = ValueRules.ConstantOfShape,
            ["Shape"] = ValueRules.Shape,
            ["Size"] = ValueRules.Size,
            ["Range"] = ValueRules.Range,
            ["Cast"] = ValueRules.Cast,
            ["CastLike"] = ValueRules.Cast,
            ["Identity"] = ValueRules.Identity,
            ["Dropout"] = ValueRules.Identity,
            ["EyeLike"] = ValueRules.EyeLike,
            ["NonZero"] = ValueRules.DataDependent,
            ["NonMaxSuppression"] = ValueRules.DataDependent,
            ["Unique"] = ValueRules.DataDependent,
            ["Compress"] = ValueRules.DataDependent,
        };
        foreach (var op in ElementwiseRules.UnaryOps)
        {
            d[op] = ElementwiseRules.Unary;
        }

        foreach (var op in ElementwiseRules.BinaryOps)
        {
            d[op] = ElementwiseRules.Binary;
        }

        foreach (var op in ElementwiseRules.VariadicOps)
        {
            d[op] = ElementwiseRules.Variadic;
        }

        foreach (var op in new[] { "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare" })
        {
            d[op] = ReduceRules.Reduce;
        }

        return d;
    }
}
