using System.Collections.Immutable;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Providers;

/// <summary>`--graph-opt`: ONNX Runtime's graph optimisation levels by name
/// (https://onnxruntime.ai/docs/performance/model-optimizations/graph-optimizations.html). Quantized graphs depend on
/// the fusions of the higher levels (QDQ node units into integer kernels), so the level is recorded with the run.</summary>
public static class GraphOptimizationLevels
{
    /// <summary>What sessions used before the option existed, and still use without it.</summary>
    public const string Default = "all";

    public static ImmutableArray<string> Names { get; } = ["disabled", "basic", "extended", "all"];

    /// <param name="name">One of <see cref="Names"/>, or null for <see cref="Default"/>.</param>
    public static GraphOptimizationLevel Level(string? name) => (name ?? Default).Trim().ToLowerInvariant() switch
    {
        "disabled" => GraphOptimizationLevel.ORT_DISABLE_ALL,
        "basic" => GraphOptimizationLevel.ORT_ENABLE_BASIC,
        "extended" => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        "all" => GraphOptimizationLevel.ORT_ENABLE_ALL,
        _ => throw new ArgumentException($"'{name}' is not a graph optimisation level: use {string.Join(", ", Names)}", nameof(name)),
    };
}
