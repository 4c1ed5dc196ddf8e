namespace EffNetBench.Core.Zoo;

/// <summary>Numbers published for a variant, each labelled with where it comes from (the paper, torchvision, the TF Lite and AutoML READMEs).</summary>
/// <param name="Params">Published parameter count as printed (rounded by its source).</param>
/// <param name="Macs">Published multiply-adds at <paramref name="MacsResolution"/> (the paper's "FLOPS" column counts MACs).</param>
/// <param name="Source">Where Params, Macs, Top1 and Top5 come from: "paper", "tf-lite-readme" or "automl-readme".</param>
/// <param name="TorchvisionParams">torchvision's exact num_params (trainable parameters, BN not folded), when torchvision ships the model.</param>
/// <param name="TorchvisionGmacs">torchvision's "_ops" metadata (GFLOPS on its model card), which counts MACs, at <paramref name="TorchvisionResolution"/>.</param>
public sealed record PublishedFigures(
    double Params,
    double Macs,
    int MacsResolution,
    double? Top1,
    double? Top5,
    string Source,
    long? TorchvisionParams = null,
    double? TorchvisionGmacs = null,
    int? TorchvisionResolution = null);
