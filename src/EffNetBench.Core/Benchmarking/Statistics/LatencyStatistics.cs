using EffNetBench.Core.Results;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace EffNetBench.Core.Benchmarking.Statistics;

/// <summary>
/// Summary of individual inference latencies in milliseconds (one inference per measured iteration, not iteration means).
/// Quantiles (median, p90, p95, p99) use the Hyndman-Fan type 7 estimator (linear interpolation between order
/// statistics at h = (n - 1) p + 1), the default of NumPy, R and Excel PERCENTILE.INC, via Perfolizer's
/// SimpleQuantileEstimator. The standard deviation has the n - 1 denominator; the 99 % confidence interval's
/// half-width is t_{0.995, n-1} * StdDev / sqrt(n) with Student's t quantile from Perfolizer, none for a single sample.
/// </summary>
/// <param name="Count">Number of samples, at least 1.</param>
/// <param name="Milliseconds">The figures, as results.json records them ("latency_ms").</param>
public sealed record LatencyStatistics(int Count, LatencySummary Milliseconds)
{
    private static readonly Probability[] Probabilities = [Probability.Median, 0.90, 0.95, 0.99];

    public double Mean => Milliseconds.Mean;

    public double Median => Milliseconds.Median;

    public double P99 => Milliseconds.P99;

    /// <summary>CI half-width as a fraction of the mean (0.01 = +-1 %); NaN for a single sample.</summary>
    public double RelativeCi99HalfWidth => Milliseconds.Ci99HalfWidth is double halfWidth ? halfWidth / Mean : double.NaN;

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
        double ci99 = SampleMath.Ci99HalfWidth(sample.Size, stdDev);

        return new LatencyStatistics(sample.Size, new LatencySummary(
            Mean: mean,
            Median: q[0],
            P90: q[1],
            P95: q[2],
            P99: q[3],
            Min: sorted[0],
            Max: sorted[^1],
            StdDev: stdDev,
            Ci99HalfWidth: double.IsNaN(ci99) ? null : ci99));
    }
}

/// <summary>The statistics produce the results' summary; <c>LatencySummary.From(statistics)</c> reads as the results
/// side asking for it, without Results depending on the statistics.</summary>
public static class LatencySummaryExtensions
{
    extension(LatencySummary)
    {
        public static LatencySummary From(LatencyStatistics statistics)
        {
            ArgumentNullException.ThrowIfNull(statistics);
            return statistics.Milliseconds;
        }
    }
}
