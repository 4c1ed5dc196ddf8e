using System.Collections.Immutable;

namespace EffNetBench.Core.Graph;

/// <summary>A graph input or output.</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="ElementType">Element type, numpy style: "float32", "uint8", "int64", ...</param>
/// <param name="Dims">Dimensions after resolving the batch dimension; <c>null</c> = unresolved.</param>
/// <param name="Layout">"NCHW" or "NHWC" guess for 4-D image-like tensors, otherwise <c>null</c>.</param>
public sealed record GraphTensorInfo(
    string Name,
    string ElementType,
    ImmutableArray<long?> Dims,
    string? Layout);
