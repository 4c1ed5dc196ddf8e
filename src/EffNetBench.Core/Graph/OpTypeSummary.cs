namespace EffNetBench.Core.Graph;

/// <summary>Totals per operator type, over the costed nodes only.</summary>
/// <param name="OpType">ONNX op_type (domain-qualified for non-default domains, e.g. "com.microsoft.QLinearAdd").</param>
/// <param name="Count">Number of costed nodes of this type.</param>
/// <param name="Macs">Multiply-accumulates.</param>
/// <param name="Flops">2 * Macs + other FLOPs.</param>
/// <param name="Params">Parameters attributed to these nodes (each weight is attributed to its first consumer).</param>
/// <param name="OutputElements">Elements of all outputs of these nodes.</param>
public sealed record OpTypeSummary(
    string OpType,
    int Count,
    long Macs,
    long Flops,
    long Params,
    long OutputElements);
