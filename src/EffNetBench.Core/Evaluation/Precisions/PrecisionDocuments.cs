using System.Text.Json.Serialization;

namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>eval.json's "precisions" entries: one precision's top-1/top-5 on the evaluated images, and how its model
/// was converted. Read back by `report --accuracy eval.json` (accuracy per precision).</summary>
public sealed record PrecisionDocument(
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("model_path")] string? ModelPath,
    [property: JsonPropertyName("images")] int Images,
    [property: JsonPropertyName("top1")] double? Top1,
    [property: JsonPropertyName("top1_ci95")] IReadOnlyList<double>? Top1Ci95,
    [property: JsonPropertyName("top5")] double? Top5,
    [property: JsonPropertyName("top5_ci95")] IReadOnlyList<double>? Top5Ci95,
    [property: JsonPropertyName("images_per_second")] double ImagesPerSecond,
    [property: JsonPropertyName("converted_nodes")] int? ConvertedNodes,
    [property: JsonPropertyName("kept_float_nodes")] int? KeptFloatNodes,
    [property: JsonPropertyName("kept_float_op_types")] IReadOnlyList<string>? KeptFloatOpTypes,
    [property: JsonPropertyName("calibration")] string? Calibration,
    [property: JsonPropertyName("synthetic_calibration")] bool SyntheticCalibration);

/// <summary>eval.json's "precision_comparisons" entries (see <see cref="PrecisionComparison"/>).</summary>
public sealed record PrecisionComparisonDocument(
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("baseline")] string Baseline,
    [property: JsonPropertyName("images")] int Images,
    [property: JsonPropertyName("baseline_top1")] double BaselineTop1,
    [property: JsonPropertyName("top1")] double Top1,
    [property: JsonPropertyName("top1_difference")] double Top1Difference,
    [property: JsonPropertyName("baseline_only_correct")] int BaselineOnlyCorrect,
    [property: JsonPropertyName("other_only_correct")] int OtherOnlyCorrect,
    [property: JsonPropertyName("mcnemar_method")] string McNemarMethod,
    [property: JsonPropertyName("mcnemar_chi_square")] double? McNemarChiSquare,
    [property: JsonPropertyName("mcnemar_p")] double McNemarP,
    [property: JsonPropertyName("top1_agreement")] double Top1Agreement,
    [property: JsonPropertyName("mean_abs_logit_difference")] double MeanAbsLogitDifference,
    [property: JsonPropertyName("max_abs_logit_difference")] double MaxAbsLogitDifference,
    [property: JsonPropertyName("class_recall")] IReadOnlyList<ClassRecallDocument> ClassRecall);

public sealed record ClassRecallDocument(
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("support")] int Support,
    [property: JsonPropertyName("baseline_recall")] double BaselineRecall,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("change")] double Change);
