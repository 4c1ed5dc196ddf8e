using System.Globalization;
using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace EffNetBench.Core.Benchmarking.Statistics;

/// <summary>The moments and the confidence interval shared by <see cref="LatencyStatistics"/> and <see cref="StoppingRule"/>.</summary>
internal static class SampleMath
{
    /// <summary>Two-sided 99 %: the upper 0.995 quantile of Student's t.</summary>
    public const double Ci99Probability = 0.995;

    public static void Validate(IReadOnlyList<double> samplesMs, string paramName)
    {
        ArgumentNullException.ThrowIfNull(samplesMs, paramName);
        if (samplesMs.Count == 0)
        {
            throw new ArgumentException("At least one latency sample is needed.", paramName);
        }

        for (int i = 0; i < samplesMs.Count; i++)
        {
            double x = samplesMs[i];
            if (!double.IsFinite(x) || x < 0)
            {
                throw new ArgumentException($"Latency sample {i} is {x.ToString("R", CultureInfo.InvariantCulture)} ms; samples must be finite and non-negative.", paramName);
            }
        }
    }

    /// <summary>Arithmetic mean and sample standard deviation (n - 1 denominator; 0 for a single sample).</summary>
    public static (double Mean, double StdDev) MeanAndStdDev(IReadOnlyList<double> samplesMs)
    {
        // Hand-written: only the mean and deviation are needed (Perfolizer's Moments also computes skewness and kurtosis).
        int n = samplesMs.Count;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            double x = samplesMs[i];
            sum += x;
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        // Identical samples would otherwise get a rounding-noise deviation (e.g. 7 x 0.1 sums to 0.7000000000000001).
        if (min == max)
        {
            return (min, 0);
        }

        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            double d = samplesMs[i] - mean;
            squares += d * d;
        }

        return (mean, Math.Sqrt(squares / (n - 1)));
    }

    /// <summary>t_{0.995, n-1} * s / sqrt(n), or NaN for a single sample (no degrees of freedom).</summary>
    public static double Ci99HalfWidth(int count, double stdDev)
    {
        if (count < 2)
        {
            return double.NaN;
        }

        if (stdDev == 0)
        {
            return 0;
        }

        double t = new StudentDistribution(count - 1).Quantile(Ci99Probability);
        return t * stdDev / Math.Sqrt(count);
    }
}
