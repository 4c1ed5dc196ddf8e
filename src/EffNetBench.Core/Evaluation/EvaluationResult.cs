using System.Collections.Immutable;
using EffNetBench.Core.Evaluation.Metrics;
using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Evaluation;

/// <summary>The outcome of <see cref="Evaluator.Execute"/>.</summary>
/// <param name="Preprocessing">The preprocessing actually applied (after reading resolution and layout from the model).</param>
/// <param name="Batch">Images per inference call.</param>
/// <param name="FixedBatch">True when the model's batch dimension is fixed (a partial last batch was zero-padded).</param>
/// <param name="ImagesPerSecond">Images (decoded + classified) per wall-clock second, end to end.</param>
/// <param name="Timings">Where the time went: input pipeline, inference, waiting; and peak memory.</param>
public sealed record EvaluationResult(
    EvaluationRequest Request,
    ClassificationReport Report,
    ImmutableArray<SkippedImage> Skipped,
    Preprocessing Preprocessing,
    int Batch,
    bool FixedBatch,
    TimeSpan Elapsed,
    double ImagesPerSecond,
    PipelineTimings Timings)
{
    /// <summary>The check of the evaluated images against a training set (eval --train), when one was asked for.</summary>
    public Leakage.LeakageReport? Leakage { get; init; }

    /// <summary>The native ONNX Runtime's version, library path and (for `--ort VERSION`) NuGet package; null when not known.</summary>
    public string? OnnxRuntime { get; init; }

    public string? OnnxRuntimeLibrary { get; init; }

    public Results.OrtPackage? OnnxRuntimePackage { get; init; }

    /// <summary>`eval --precision`: the precision of this result's model; null for fp32.</summary>
    public string? Precision { get; init; }

    /// <summary>`eval --precision`: every precision evaluated and the comparisons with fp32; null when only fp32.</summary>
    public Precisions.PrecisionReport? Precisions { get; init; }
}
