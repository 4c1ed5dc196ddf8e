using EffNetBench.Core.Quantization.Calibration;

namespace EffNetBench.Tests.Quantization;

public sealed class RangeFinderTests
{
    /// <summary>n values evenly spaced over [-1, 1].</summary>
    private static float[] Uniform(int n) => [.. Enumerable.Range(0, n).Select(i => -1f + (2f * i / (n - 1)))];

    /// <summary>9990 uniform values in [-1, 1] and 10 outliers at ±100.</summary>
    private static float[] WithOutliers() => [.. Uniform(9990), .. Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? 100f : -100f)];

    private static TensorHistogram Histogram(float[] values)
    {
        var h = new TensorHistogram();
        h.Add(values);
        return h;
    }

    [Fact]
    public void MinMaxIsTheObservedRange()
    {
        var h = Histogram(WithOutliers());
        Assert.Equal((-100f, 100f), RangeFinder.Find(h, CalibrationMethod.MinMax, 0));
    }

    [Fact]
    public void PercentileOfUniformIsThatQuantileOfAbsoluteValues()
    {
        // |x| is uniform on [0, 1], folded into 1024 bins of 1/1024. The 99th percentile falls in bin floor(0.99 * 1024) = 1013
        // (or the one before, from the discrete sample), whose left edge ORT returns: 1013/1024 = 0.98926.
        (float lo, float hi) = RangeFinder.Find(Histogram(Uniform(100_001)), CalibrationMethod.Percentile, 99);
        Assert.InRange(hi, 1012 / 1024f, 1013 / 1024f + 1e-6f);
        Assert.Equal(-hi, lo);
    }

    [Fact]
    public void PercentileClipsOutliers()
    {
        // Threshold 100, |x| bins of 100/1024 = 0.0977. The 9990 uniform values (99.9 %) all lie in |x| <= 1, i.e. bins 0..10,
        // bin 9 ending at 0.977 holds ~9756 of them; the 99.8th percentile (9980) is reached in bin 10 ([0.977, 1.074)),
        // so t = 10 * 100/1024 = 0.9766.
        (float lo, float hi) = RangeFinder.Find(Histogram(WithOutliers()), CalibrationMethod.Percentile, 99.8);
        Assert.Equal(1000f / 1024f, hi, 5);
        Assert.Equal(-hi, lo);

        // Asking for more than the uniform share keeps the outliers (up to the observed max).
        (_, float all) = RangeFinder.Find(Histogram(WithOutliers()), CalibrationMethod.Percentile, 100);
        Assert.True(all > 50f, $"{all}");
    }

    [Fact]
    public void EntropyKeepsAUniformDistributionWhole()
    {
        // Nothing to clip: the divergence is smallest when the range covers all the mass (to within one 128-level step).
        (float lo, float hi) = RangeFinder.Find(Histogram(Uniform(100_001)), CalibrationMethod.Entropy, 0);
        Assert.InRange(hi, 0.95f, 1f);
        Assert.InRange(lo, -1f, -0.95f);
    }

    [Fact]
    public void EntropyClipsOutliers()
    {
        // The outliers are 0.1 % of the mass at 100x the bulk. The search's narrowest candidate is 64 bins each side of
        // zero (num_quantized_bins / 2), here 65 x 100/1024 = 6.35 on the right: the chosen range lies between that and
        // far below the outliers.
        (float lo, float hi) = RangeFinder.Find(Histogram(WithOutliers()), CalibrationMethod.Entropy, 0);
        Assert.InRange(hi, 6.3f, 20f);
        Assert.InRange(lo, -20f, -6.2f);
    }

    [Fact]
    public void SmoothedKlOfIdenticalDistributionsIsZero()
    {
        Assert.Equal(0, RangeFinder.SmoothedKl([1, 2, 3], [2, 4, 6]), 12);

        // p = [1, 1], q = [3, 1]: KL = 0.5 ln(0.5/0.75) + 0.5 ln(0.5/0.25) = 0.5 (ln 2 - ln 1.5) = 0.143841.
        Assert.Equal(0.5 * (Math.Log(2) - Math.Log(1.5)), RangeFinder.SmoothedKl([1, 1], [3, 1]), 9);
    }

    [Fact]
    public void HistogramDoublesItsRangeWithoutLosingCounts()
    {
        var h = new TensorHistogram(8);
        h.Add([-1f, -0.3f, 0.2f, 0.9f]);
        Assert.Equal(1, h.Threshold);
        Assert.Equal(new long[] { 1, 0, 1, 0, 1, 0, 0, 1 }, h.Counts.ToArray()); // bins of 0.25 from -1

        h.Add([3.5f]); // 1 -> 2 -> 4: the old 8 bins merge pairwise into the middle half twice
        Assert.Equal(4, h.Threshold);
        Assert.Equal(5, h.Total);
        Assert.Equal(new long[] { 0, 0, 0, 2, 2, 0, 0, 1 }, h.Counts.ToArray());
        Assert.Equal(-1f, h.Min);
        Assert.Equal(3.5f, h.Max);
    }
}
