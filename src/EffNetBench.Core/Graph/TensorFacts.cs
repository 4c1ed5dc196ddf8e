namespace EffNetBench.Core.Graph;

/// <summary>What static analysis knows about one tensor.</summary>
internal sealed class TensorFacts
{
    /// <summary>ONNX element type code (0 = unknown).</summary>
    public int ElemType { get; init; }

    /// <summary>Fully resolved shape, or null when unknown.</summary>
    public long[]? Shape { get; init; }

    /// <summary>Known values of a small integral tensor (row-major), or null.</summary>
    public long[]? Ints { get; init; }

    /// <summary>Known values of a small floating tensor (row-major), or null.</summary>
    public double[]? Floats { get; init; }

    /// <summary>Initializer or output of a Constant node.</summary>
    public bool IsConstant { get; init; }

    /// <summary>Why the shape is unknown (only for graph inputs with unresolved dims).</summary>
    public string? UnknownReason { get; init; }

    public bool HasValues => Ints is not null || Floats is not null;

    public static TensorFacts Unknown(int elemType, string? reason = null) =>
        new() { ElemType = elemType, UnknownReason = reason };
}
