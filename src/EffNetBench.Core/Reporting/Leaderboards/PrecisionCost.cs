namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>
/// "Accuracy cost per speed-up": one model's lower precision against its fp32 case in the same table (provider,
/// hardware, batch, threads): the latency gained, and the top-1 lost where both top-1s were measured in one
/// `eval --precision` (the same images); a published fp32 figure against a measured int8 one would compare two datasets.
/// </summary>
/// <param name="Model">Model name; <paramref name="Resolution"/> its input size.</param>
/// <param name="Precision">The lower precision ("int8"...).</param>
/// <param name="Fp32MsPerImage">Median ms per image of the fp32 case.</param>
/// <param name="MsPerImage">Median ms per image of the lower precision.</param>
/// <param name="SpeedUp">fp32 median / this median (2.00 = twice as fast; below 1 slower).</param>
/// <param name="MsPerImageGained">fp32 ms per image - this ms per image (negative: slower).</param>
/// <param name="LatencyTied">The two medians differ by less than the cases' 99 % CIs: the speed-up is within noise.</param>
/// <param name="Fp32Top1">fp32 top-1 % from the same evaluation as <paramref name="Top1"/>; null when not measured so.</param>
/// <param name="Top1">This precision's measured top-1 %; null when not measured.</param>
/// <param name="Top1Lost">fp32 top-1 - this top-1, in points (negative: gained); null unless both are measured in one evaluation.</param>
/// <param name="Top1LostPerMsGained">Points lost per ms per image gained; null without both, or without a gain.</param>
/// <param name="Note">Why a figure is missing.</param>
public sealed record PrecisionCost(
    string Model,
    int? Resolution,
    string Provider,
    string Hardware,
    int Batch,
    int? Threads,
    string Precision,
    double? Fp32MsPerImage,
    double? MsPerImage,
    double? SpeedUp,
    double? MsPerImageGained,
    bool LatencyTied,
    double? Fp32Top1,
    double? Top1,
    double? Top1Lost,
    double? Top1LostPerMsGained,
    string? Note);
