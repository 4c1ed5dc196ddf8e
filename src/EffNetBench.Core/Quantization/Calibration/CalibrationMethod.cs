namespace EffNetBench.Core.Quantization.Calibration;

/// <summary>How an activation's range [lo, hi] is chosen from its calibration values (`--method`).</summary>
public enum CalibrationMethod
{
    /// <summary>The smallest and largest value seen.</summary>
    MinMax,

    /// <summary>±the given percentile of |x| (ONNX Runtime's percentile calibrator, symmetric by default).</summary>
    Percentile,

    /// <summary>The range whose 128-level quantisation loses least information (KL divergence), TensorRT's entropy calibration.</summary>
    Entropy,
}

/// <summary>Names on the command line and in <see cref="ConversionOptions.Method"/>.</summary>
public static class CalibrationMethods
{
    public const string MinMaxName = "min-max";
    public const string PercentileName = "percentile";
    public const string EntropyName = "entropy";

    /// <summary>ONNX Runtime's default percentile (create_calibrator in calibrate.py).</summary>
    public const double DefaultPercentile = 99.999;

    public static bool TryParse(string? name, out CalibrationMethod method)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case MinMaxName or "minmax":
                method = CalibrationMethod.MinMax;
                return true;
            case PercentileName:
                method = CalibrationMethod.Percentile;
                return true;
            case EntropyName:
                method = CalibrationMethod.Entropy;
                return true;
            default:
                method = default;
                return false;
        }
    }

    public static string Name(CalibrationMethod method) => method switch
    {
        CalibrationMethod.MinMax => MinMaxName,
        CalibrationMethod.Percentile => PercentileName,
        _ => EntropyName,
    };
}
