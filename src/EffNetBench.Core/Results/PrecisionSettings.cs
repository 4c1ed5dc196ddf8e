using System.Collections.Immutable;

namespace EffNetBench.Core.Results;

/// <summary>`--precision` and the calibration options of a run (or an A/B arm): what the non-fp32 models were converted
/// with. Recorded so a resume converts (or finds in the cache) the same models.</summary>
/// <param name="Precisions">"fp32", "fp16", "int8", "int8-dynamic", in the order given.</param>
/// <param name="CalibrationFolder">`--calibration DIR` (full path); null: synthetic inputs, and the results say so.</param>
/// <param name="CalibrationImages">`--calibration-images N`: at most this many images (or synthetic inputs).</param>
/// <param name="CalibrationMethod">"min-max", "percentile" or "entropy".</param>
/// <param name="Percentile">For "percentile".</param>
/// <param name="CalibrationSeed">Which images are drawn when the folder holds more than N, and the synthetic inputs.</param>
public sealed record PrecisionSettings(
    ImmutableArray<string> Precisions,
    string? CalibrationFolder,
    int CalibrationImages,
    string CalibrationMethod,
    double Percentile,
    int CalibrationSeed)
{
    public const int DefaultCalibrationImages = 100;
    public const string DefaultMethod = "min-max";
    public const double DefaultPercentile = 99.999;

    public static ImmutableArray<string> Methods { get; } = ["min-max", "percentile", "entropy"];
}
