using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace EffNetBench.Core.Benchmarking.Statistics;

/// <summary>
/// Summary of individual inference latencies in milliseconds (one inference per measured iteration, not iteration means).
/// Quantiles (<see cref="Median"/>, <see cref="P90"/>, <see cref="P95"/>, <see cref="P99"/>) use the Hyndman-Fan type 7
/// estimator (linear interpolation between order statistics at h = (n - 1) p + 1), the default of NumPy, R and Excel
/// PERCENTILE.INC, via Perfolizer's SimpleQuantileEstimator.
/// </summary>
/// <param name="Count">Number of samples, at least 1.</param>
/// <param name="StdDev">Sample standard deviation (n - 1 denominator); 0 for a single sample or identical samples.</param>
/// <param name="Ci99HalfWidth">
/// Half-width of the 99 % confidence interval of the mean, t_{0.995, n-1} * StdDev / sqrt(n) with Student's t quantile
/// from Perfolizer; NaN for a single sample (serialized as null).
/// </param>
public sealed record LatencyStatistics(
    int Count,
    double Mean,
    double Median,
    double P90,
    double P95,
    double P99,
    double Min,
    double Max,
    double StdDev,
    double Ci99HalfWidth)
{
    private static readonly Probability[] Probabilities = [Probability.Median, 0.90, 0.95, 0.99];

    /// <summary>CI half-width as a fraction of the mean (0.01 = +-1 %); NaN for a single sample.</summary>
    public double RelativeCi99HalfWidth => Ci99HalfWidth / Mean;

    /// <param name="samplesMs">Individual inference latencies in milliseconds; finite, non-negative, at least one.</param>
    /// <exception cref="ArgumentException">No samples, or a sample that is negative, NaN or infinite.</exception>
    public static LatencyStatistics From(IReadOnlyList<double> samplesMs)
    {
        SampleMath.Validate(samplesMs, nameof(samplesMs));

        // A copy, so the statistics never depend on a list the caller keeps appending to.
        var sample = new Sample(samplesMs.ToArray());
        double[] q = SimpleQuantileEstimator.Instance.Quantiles(sample, Probabilities);
        (double mean, double stdDev) = SampleMath.MeanAndStdDev(samplesMs);
        IReadOnlyList<double> sorted = sample.SortedValues;

        return new LatencyStatistics(
            Count: sample.Size,
            Mean: mean,
            Median: q[0],
            P90: q[1],
            P95: q[2],
            P99: q[3],
            Min: sorted[0],
            Max: sorted[^1],
            StdDev: stdDev,
            Ci99HalfWidth: SampleMath.Ci99HalfWidth(sample.Size, stdDev));
    }
}
