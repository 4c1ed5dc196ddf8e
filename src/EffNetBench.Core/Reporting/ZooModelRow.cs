namespace EffNetBench.Core.Reporting;

/// <summary>One zoo variant as `models` lists it. Field names are a contract: scripts parse the JSON and CSV.</summary>
/// <param name="Params">Trainable parameters (conv/FC weights, biases, BN scale and shift): torchvision's convention.</param>
/// <param name="GraphParams">Initializer elements of the exported BN-folded graph (one bias per BN instead of two).</param>
/// <param name="Macs">Multiply-adds at <paramref name="Resolution"/>, batch 1: the paper's "FLOPS" column.</param>
/// <param name="Flops">2 x MACs + element-wise work, as `analyze` counts the BN-folded graph.</param>
/// <param name="PublishedSource">Where PublishedParams, PublishedMacs and the reference accuracy come from.</param>
public sealed record ZooModelRow(
    string Name,
    string Family,
    int Resolution,
    long Params,
    long GraphParams,
    long Macs,
    long Flops,
    double PublishedParams,
    double PublishedMacs,
    int PublishedMacsResolution,
    double? ReferenceTop1,
    double? ReferenceTop5,
    string ReferenceSource,
    long? TorchvisionParams,
    double? TorchvisionGmacs,
    int? TorchvisionResolution);
