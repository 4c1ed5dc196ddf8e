using System.Text.Json.Serialization;

namespace EffNetBench.Core.Evaluation;

/// <summary>
/// eval.json: what `eval` writes (<see cref="EvaluationReportWriter.Json"/>) and what `report --accuracy eval.json`
/// reads back (<see cref="Reporting.Accuracy.EvalJsonAccuracy"/>), one type for both so the two cannot drift apart.
/// Field names are snake_case and a contract: files written by earlier versions read with this type. Fractions are in
/// [0, 1]. A hand-written file needs only model and top1; every other field may be missing.
/// </summary>
public sealed record EvaluationDocument
{
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("model_path")]
    public string? ModelPath { get; init; }

    /// <summary>A generated zoo model's weights: its accuracy says nothing about the architecture.</summary>
    [JsonPropertyName("synthetic_weights")]
    public bool SyntheticWeights { get; init; }

    /// <summary>
    /// The model's input size in pixels (the centre crop). Written since eval.json carried it only inside
    /// <see cref="Preprocessing"/>, where readers did not look; <see cref="InputResolution"/> reads either.
    /// </summary>
    [JsonPropertyName("resolution")]
    public int? Resolution { get; init; }

    /// <summary>timm's name for <see cref="Resolution"/>, accepted in hand-written files; never written.</summary>
    [JsonPropertyName("img_size")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ImgSize { get; init; }

    [JsonPropertyName("dataset")]
    public string? Dataset { get; init; }

    [JsonPropertyName("dataset_layout")]
    public string? DatasetLayout { get; init; }

    [JsonPropertyName("dataset_images")]
    public int DatasetImages { get; init; }

    [JsonPropertyName("images")]
    public int Images { get; init; }

    [JsonPropertyName("skipped")]
    public IReadOnlyList<SkippedDocument> Skipped { get; init; } = [];

    [JsonPropertyName("top1")]
    public double? Top1 { get; init; }

    [JsonPropertyName("top1_ci95")]
    public IReadOnlyList<double>? Top1Ci95 { get; init; }

    /// <summary>Null with 5 classes or fewer.</summary>
    [JsonPropertyName("top5")]
    public double? Top5 { get; init; }

    [JsonPropertyName("top5_ci95")]
    public IReadOnlyList<double>? Top5Ci95 { get; init; }

    [JsonPropertyName("balanced_accuracy")]
    public double? BalancedAccuracy { get; init; }

    [JsonPropertyName("ece")]
    public double? Ece { get; init; }

    [JsonPropertyName("outputs_were_probabilities")]
    public bool OutputsWereProbabilities { get; init; }

    [JsonPropertyName("macro")]
    public AveragesDocument? Macro { get; init; }

    [JsonPropertyName("weighted")]
    public AveragesDocument? Weighted { get; init; }

    [JsonPropertyName("per_class")]
    public IReadOnlyList<ClassDocument> PerClass { get; init; } = [];

    [JsonPropertyName("classes")]
    public IReadOnlyList<string> Classes { get; init; } = [];

    [JsonPropertyName("confusion_matrix")]
    public IReadOnlyList<IReadOnlyList<long>> ConfusionMatrix { get; init; } = [];

    [JsonPropertyName("most_confused")]
    public IReadOnlyList<ConfusedDocument> MostConfused { get; init; } = [];

    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    [JsonPropertyName("threads")]
    public int? Threads { get; init; }

    [JsonPropertyName("batch")]
    public int Batch { get; init; }

    [JsonPropertyName("fixed_batch")]
    public bool FixedBatch { get; init; }

    [JsonPropertyName("preprocessing")]
    public PreprocessingDocument? Preprocessing { get; init; }

    [JsonPropertyName("elapsed_seconds")]
    public double ElapsedSeconds { get; init; }

    [JsonPropertyName("images_per_second")]
    public double ImagesPerSecond { get; init; }

    [JsonPropertyName("pipeline")]
    public PipelineDocument? Pipeline { get; init; }

    [JsonPropertyName("leakage")]
    public LeakageDocument? Leakage { get; init; }

    /// <summary>The native ONNX Runtime's own version; absent in files written before it, and in hand-written ones.</summary>
    [JsonPropertyName("onnxruntime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OnnxRuntime { get; init; }

    [JsonPropertyName("onnxruntime_library")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OnnxRuntimeLibrary { get; init; }

    /// <summary>The NuGet package of `eval --ort VERSION[:flavor]` (id, version, flavor, feed, SHA-512); absent otherwise.</summary>
    [JsonPropertyName("onnxruntime_package")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Results.OrtPackage? OnnxRuntimePackage { get; init; }

    /// <summary>`eval --precision`: the precision of the figures above ("int8"...); null for fp32 (and older files).
    /// The precision fields are left out when null, so an fp32 evaluation's eval.json is what it was before them.</summary>
    [JsonPropertyName("precision")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Precision { get; init; }

    /// <summary>`eval --precision`: every precision evaluated on the same images; null when only fp32.</summary>
    [JsonPropertyName("precisions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Precisions.PrecisionDocument>? Precisions { get; init; }

    /// <summary>`eval --precision fp32,...`: each lower precision against fp32; null when none.</summary>
    [JsonPropertyName("precision_comparisons")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Precisions.PrecisionComparisonDocument>? PrecisionComparisons { get; init; }

    /// <summary>`eval --graph-opt`: ONNX Runtime's graph optimisation level; left out for the default ("all").</summary>
    [JsonPropertyName("graph_optimization")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GraphOptimization { get; init; }

    /// <summary>The input size the accuracy was measured at: <see cref="Resolution"/>, else img_size, else the preprocessing's crop.</summary>
    [JsonIgnore]
    public int? InputResolution => Resolution ?? ImgSize ?? Preprocessing?.Resolution;

    public sealed record SkippedDocument(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("reason")] string Reason);

    public sealed record AveragesDocument(
        [property: JsonPropertyName("precision")] double Precision,
        [property: JsonPropertyName("recall")] double Recall,
        [property: JsonPropertyName("f1")] double F1);

    public sealed record ClassDocument(
        [property: JsonPropertyName("class")] string Class,
        [property: JsonPropertyName("precision")] double Precision,
        [property: JsonPropertyName("recall")] double Recall,
        [property: JsonPropertyName("f1")] double F1,
        [property: JsonPropertyName("support")] long Support,
        [property: JsonPropertyName("predicted")] long Predicted);

    public sealed record ConfusedDocument(
        [property: JsonPropertyName("true_class")] string TrueClass,
        [property: JsonPropertyName("predicted_class")] string PredictedClass,
        [property: JsonPropertyName("count")] long Count);

    public sealed record PreprocessingDocument(
        [property: JsonPropertyName("resolution")] int Resolution,
        [property: JsonPropertyName("resize_size")] int ResizeSize,
        [property: JsonPropertyName("crop_pct")] double CropPct,
        [property: JsonPropertyName("interpolation")] string Interpolation,
        [property: JsonPropertyName("mean")] IReadOnlyList<float> Mean,
        [property: JsonPropertyName("std")] IReadOnlyList<float> Std,
        [property: JsonPropertyName("scale")] float Scale,
        [property: JsonPropertyName("channels")] string Channels,
        [property: JsonPropertyName("layout")] string Layout);

    /// <summary>Where the time went: CPU seconds of decoding and preprocessing (all workers), inference seconds, the inference thread's wait for input.</summary>
    public sealed record PipelineDocument(
        [property: JsonPropertyName("workers")] int Workers,
        [property: JsonPropertyName("decode_cpu_seconds")] double DecodeCpuSeconds,
        [property: JsonPropertyName("preprocess_cpu_seconds")] double PreprocessCpuSeconds,
        [property: JsonPropertyName("inference_seconds")] double InferenceSeconds,
        [property: JsonPropertyName("inference_wait_seconds")] double InferenceWaitSeconds,
        [property: JsonPropertyName("peak_rss_bytes")] long? PeakRssBytes);

    /// <summary>The leakage check's counts; the pairs are in <see cref="Details"/> (leakage.json).</summary>
    public sealed record LeakageDocument(
        [property: JsonPropertyName("train_dir")] string? TrainDir,
        [property: JsonPropertyName("train_images")] int TrainImages,
        [property: JsonPropertyName("test_images")] int TestImages,
        [property: JsonPropertyName("leaked_test_images")] int LeakedTestImages,
        [property: JsonPropertyName("leaked_fraction")] double LeakedFraction,
        [property: JsonPropertyName("exact_test_images")] int ExactTestImages,
        [property: JsonPropertyName("near_only_test_images")] int NearOnlyTestImages,
        [property: JsonPropertyName("label_conflicts")] int LabelConflicts,
        [property: JsonPropertyName("threshold")] int Threshold,
        [property: JsonPropertyName("details")] string Details);
}
