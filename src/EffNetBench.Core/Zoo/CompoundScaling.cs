namespace EffNetBench.Core.Zoo;

/// <summary>The EfficientNet compound-scaling rules (tensorflow/tpu efficientnet_model.py round_filters / round_repeats).</summary>
public static class CompoundScaling
{
    /// <summary>The paper's grid-searched coefficients: depth = alpha^phi, width = beta^phi, resolution = gamma^phi.</summary>
    public const double Alpha = 1.2;
    public const double Beta = 1.1;
    public const double Gamma = 1.15;

    public const int BaseResolution = 224;

    /// <summary>Scales a channel count by <paramref name="width"/> and rounds to a multiple of <paramref name="divisor"/>.</summary>
    /// <param name="tenPercentRule">EfficientNet V1 never rounds down by more than 10 %; V2 drops that rule.</param>
    public static int RoundFilters(int channels, double width, int divisor = 8, bool tenPercentRule = true)
    {
        double x = channels * width;
        int n = Math.Max(divisor, (int)Math.Floor(x + divisor / 2.0) / divisor * divisor);
        if (tenPercentRule && n < 0.9 * x)
        {
            n += divisor;
        }

        return n;
    }

    public static int RoundRepeats(int repeats, double depth) => (int)Math.Ceiling(depth * repeats);

    /// <summary>Coefficients for compound coefficient phi, with resolution rounded to the nearest multiple of 8.</summary>
    public static (double Width, double Depth, int Resolution) FromPhi(double phi)
    {
        double width = Math.Pow(Beta, phi);
        double depth = Math.Pow(Alpha, phi);
        int resolution = (int)(Math.Round(BaseResolution * Math.Pow(Gamma, phi) / 8.0, MidpointRounding.AwayFromZero) * 8);
        return (width, depth, resolution);
    }
}
