namespace EffNetBench.Core.Graph;

/// <summary>A node whose cost could not be determined; it contributes nothing to the totals.</summary>
/// <param name="NodeName">Node name, or "&lt;op_type&gt;_&lt;index&gt;" when the node is unnamed.</param>
/// <param name="OpType">ONNX op_type (domain-qualified for non-default domains).</param>
/// <param name="Reason">Why it was not counted, e.g. "input shape unknown".</param>
public sealed record NotCountedNode(
    string NodeName,
    string OpType,
    string Reason);
