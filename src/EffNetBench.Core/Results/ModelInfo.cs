namespace EffNetBench.Core.Results;

/// <summary>The model a case ran.</summary>
/// <param name="File">The ONNX file that was loaded (for zoo models, the exported file), or null if none was written.</param>
/// <param name="Resolution">Input height = width, or null when the graph does not fix it.</param>
/// <param name="Macs">Multiply-adds per image; null when the graph could not be counted.</param>
/// <param name="Flops">FLOPs per image as `analyze` counts them (2 x MACs + element-wise work).</param>
public sealed record ModelInfo(string Name, ModelSource Source, string? File, int? Resolution, long? Params, long? Macs, long? Flops)
{
    /// <summary>`--precision`: "fp16", "int8" or "int8-dynamic" for a converted model; null for fp32 (and in files
    /// written before precision existed). Additive.</summary>
    public string? Precision { get; init; }
}
