namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>Plain descriptions of the top1_source labels, for the "sources of accuracy" part of a report.</summary>
public static class AccuracySources
{
    public const string TimmCsvPrefix = "timm-csv:";
    public const string MeasuredPrefix = "measured:";

    public static string Describe(string source) => source switch
    {
        ReferenceAccuracy.Paper => "EfficientNet paper (Tan & Le, 2019), Table 2: ImageNet top-1 / top-5 of the trained models (AutoAugment)",
        "tf-lite-readme" => "tensorflow/tpu EfficientNet-Lite README: FP32 ImageNet top-1",
        "automl-readme" => "google/automl EfficientNetV2 README: ImageNet top-1",
        ReferenceAccuracy.AdvProp => "tensorflow/tpu EfficientNet README: ImageNet top-1 with AdvProp + AutoAugment",
        ReferenceAccuracy.NoisyStudent => "tensorflow/tpu EfficientNet README: ImageNet top-1 with Noisy Student + RandAugment",
        _ when source.StartsWith(TimmCsvPrefix, StringComparison.Ordinal) =>
            $"timm-style results CSV {source[TimmCsvPrefix.Length..]}: top-1 / top-5 of the checkpoint each row names (by default the published recipe's ImageNet-1k one, e.g. tf_efficientnet_b0.aa_in1k; `--timm-checkpoint` chooses another), timm names mapped to zoo variants",
        _ when source.StartsWith(MeasuredPrefix, StringComparison.Ordinal) =>
            $"accuracy measured by `effnet-bench eval` in {source[MeasuredPrefix.Length..]} (fractions x 100), on the dataset that file names: comparable with the published figures only when that is ImageNet validation",
        _ => source,
    };
}
