using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.Providers;

namespace EffNetBench.Core.Evaluation;

/// <summary>What <see cref="Evaluator.Execute"/> evaluates and how.</summary>
/// <param name="ModelPath">The .onnx file to run.</param>
/// <param name="ModelName">The name reported (a zoo variant's name, or the file name without extension).</param>
/// <param name="SyntheticWeights">True for generated zoo models: their accuracy is chance level and says nothing.</param>
/// <param name="Preprocessing">How images become inputs.</param>
/// <param name="ResolutionFromModel">Replace <see cref="Preprocessing.Resolution"/> with the model's input size when it is fixed.</param>
/// <param name="LayoutFromModel">Replace <see cref="Preprocessing.Layout"/> with the layout read from the model's input shape.</param>
/// <param name="Batch">Images per inference call for a dynamic-batch model (default: <see cref="DefaultBatchFor"/>); a fixed-batch model uses its own.</param>
/// <param name="MaxBadFraction">The run fails when more than this fraction of images cannot be decoded.</param>
public sealed record EvaluationRequest(
    string ModelPath,
    string ModelName,
    bool SyntheticWeights,
    Dataset Dataset,
    Preprocessing Preprocessing,
    bool ResolutionFromModel,
    bool LayoutFromModel,
    int? Batch,
    ExecutionProvider Provider,
    int? Threads,
    ProviderSettings ProviderSettings,
    double MaxBadFraction = EvaluationRequest.DefaultMaxBadFraction)
{
    public const double DefaultMaxBadFraction = 0.01;

    /// <summary>Called with every classified image's raw outputs (on the inference thread, in batch order), for the
    /// paired comparison of `eval --precision`; null for none. Not part of the report.</summary>
    public ImageScoresObserver? OnScores { get; init; }

    /// <summary>The default batch on a GPU provider, where large batches fill the device.</summary>
    public const int DefaultGpuBatch = 32;

    /// <summary>
    /// 1 on the CPU, 32 elsewhere. Measured with B0 on 3000 500x375 JPEGs on 2 cores: batch 1 gave 122 images/s at
    /// 152 MiB peak RSS, batch 8 112 images/s at 340 MiB, batch 32 90 images/s at 1020 MiB (ONNX Runtime's arena
    /// grows with the batch's activations, and larger batches do not use the CPU better).
    /// </summary>
    public static int DefaultBatchFor(ExecutionProvider provider) => provider == ExecutionProvider.Cpu ? 1 : DefaultGpuBatch;
}
