using System.Collections.Immutable;

namespace EffNetBench.Core.Results;

/// <summary>How a non-fp32 case's model was made from its fp32 source (the converter's report, summarised).</summary>
/// <param name="Precision">"fp16", "int8" or "int8-dynamic".</param>
/// <param name="SourceSha256">SHA-256 of the fp32 model converted (the cache key's first part).</param>
/// <param name="ConvertedNodes">Nodes running in the target precision.</param>
/// <param name="KeptFloatNodes">Nodes kept in float32.</param>
/// <param name="KeptFloatOpTypes">The kept nodes by operator type and reason, e.g. "Softmax x1 (not quantizable)".</param>
/// <param name="Calibration">The converter's calibration description (static int8), or null.</param>
/// <param name="SyntheticCalibration">Static int8 calibrated on synthetic inputs, not on images (no --calibration).</param>
/// <param name="Seconds">Wall time of the conversion that produced the cached model.</param>
/// <param name="File">The converted model copied into the run folder, or null when it could not be copied.</param>
public sealed record ConversionSummary(
    string Precision,
    string SourceSha256,
    int ConvertedNodes,
    int KeptFloatNodes,
    ImmutableArray<string> KeptFloatOpTypes,
    string? Calibration,
    bool SyntheticCalibration,
    double Seconds,
    string? File);
