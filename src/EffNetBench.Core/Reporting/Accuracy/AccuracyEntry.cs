namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>One ImageNet accuracy figure and where it comes from.</summary>
/// <param name="Model">The zoo variant name when the source's name maps to one (tf_efficientnet_b0 -> b0), else the name as given.</param>
/// <param name="Resolution">Input size the figure was obtained at; null when the source does not say.</param>
/// <param name="Top1">Top-1 in percent.</param>
/// <param name="Top5">Top-5 in percent; null when the source has none.</param>
/// <param name="Source">The label leaderboards print in top1_source: "paper", "advprop", "timm-csv:FILE", "measured:FILE", ...</param>
public sealed record AccuracyEntry(string Model, int? Resolution, double Top1, double? Top5, string Source, AccuracyKind Kind)
{
    /// <summary>
    /// The trained weights the figure is of: the timm model name with its pretrained tag for a timm CSV
    /// (tf_efficientnet_b0.aa_in1k), the model file evaluated for a measured eval.json; null for a published table,
    /// whose <see cref="Source"/> names the paper or README.
    /// </summary>
    public string? Checkpoint { get; init; }

    /// <summary>The precision the figure was measured in ("int8"...); null for fp32, and for every published figure:
    /// only a measured eval.json has figures of converted models. Additive.</summary>
    public string? Precision { get; init; }
}
