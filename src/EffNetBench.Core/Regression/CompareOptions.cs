using System.Globalization;

namespace EffNetBench.Core.Regression;

/// <summary>How large a latency change must be, and how sure the test must be, before a case is called faster or slower.</summary>
/// <param name="RelativeThreshold">Smallest change that matters, as a fraction of the latency (0.05 = 5 %).</param>
/// <param name="NoiseMs">Smallest change that matters in milliseconds: shifts below it are timer and scheduler noise on tiny latencies.</param>
/// <param name="Alpha">Significance level of each one-sided Mann-Whitney test.</param>
public sealed record CompareOptions(double RelativeThreshold = 0.05, double NoiseMs = 0.05, double Alpha = 0.01)
{
    /// <summary>Fewer samples than this on either side give <see cref="Verdict.Unknown"/>: a rank test on a handful of values says nothing.</summary>
    public const int MinSamples = 5;

    /// <summary>Throws when a value is outside its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, not finite, or alpha is outside (0, 1).</exception>
    public void Validate()
    {
        if (!double.IsFinite(RelativeThreshold) || RelativeThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RelativeThreshold), RelativeThreshold, "the relative threshold must be a finite fraction >= 0.");
        }

        if (!double.IsFinite(NoiseMs) || NoiseMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseMs), NoiseMs, "the noise floor must be a finite number of milliseconds >= 0.");
        }

        if (!(Alpha > 0 && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "alpha must be strictly between 0 and 1.");
        }
    }

    /// <summary>"threshold 5 %, noise floor 0.05 ms, alpha 0.01", for report headers.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"threshold {RelativeThreshold * 100:0.###} %, noise floor {NoiseMs:0.######} ms, alpha {Alpha:0.######}");
}
