using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking;

public sealed class LatencyStatisticsTests
{
    // Student t quantiles below come from the closed-form t CDF (odd df) or Cornish-Fisher, not from Perfolizer;
    // Perfolizer's inverse agrees to ~1e-9 relative, hence the tolerances.
    private const double T995Df1 = 63.656741162871583; // tan(pi * (0.995 - 0.5))
    private const double T995Df9 = 3.2498355415921085; // bisection on the closed-form CDF for 9 df

    [Fact]
    public void One_to_ten_pins_every_field()
    {
        LatencyStatistics s = LatencyStatistics.From([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        // n = 10; mean = 55 / 10 = 5.5.
        Assert.Equal(10, s.Count);
        Assert.Equal(5.5, s.Mean, 1e-12);

        // Type 7: h = (n - 1) p + 1, q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]), x 1-based.
        // median h = 5.5 -> 5 + 0.5 * 1 = 5.5; p90 h = 9.1 -> 9.1; p95 h = 9.55 -> 9.55; p99 h = 9.91 -> 9.91.
        Assert.Equal(5.5, s.Median, 1e-12);
        Assert.Equal(9.1, s.Milliseconds.P90, 1e-12);
        Assert.Equal(9.55, s.Milliseconds.P95, 1e-12);
        Assert.Equal(9.91, s.P99, 1e-12);
        Assert.Equal(1, s.Milliseconds.Min);
        Assert.Equal(10, s.Milliseconds.Max);

        // s^2 = sum (x - 5.5)^2 / 9 = 82.5 / 9 = 9.1666...; s = 3.0276503540974917.
        Assert.Equal(3.0276503540974917, s.Milliseconds.StdDev, 1e-12);

        // half-width = t_{0.995,9} * s / sqrt(10) = 3.2498355416 * 3.0276503541 / 3.1622776602 = 3.1114806433.
        Assert.Equal(T995Df9 * 3.0276503540974917 / Math.Sqrt(10), s.Milliseconds.Ci99HalfWidth!.Value, 1e-8);
        Assert.Equal(3.1114806432702853, s.Milliseconds.Ci99HalfWidth!.Value, 1e-8);

        // relative = 3.1114806433 / 5.5 = 0.5657237533.
        Assert.Equal(0.5657237533218701, s.RelativeCi99HalfWidth, 1e-9);
    }

    [Fact]
    public void Two_samples_interpolate_and_use_one_degree_of_freedom()
    {
        LatencyStatistics s = LatencyStatistics.From([3, 1]);

        // sorted {1, 3}: median h = 1.5 -> 2; p90 h = 1.9 -> 1 + 0.9 * 2 = 2.8; p99 h = 1.99 -> 2.98.
        Assert.Equal(2, s.Mean, 1e-12);
        Assert.Equal(2, s.Median, 1e-12);
        Assert.Equal(2.8, s.Milliseconds.P90, 1e-12);
        Assert.Equal(2.9, s.Milliseconds.P95, 1e-12);
        Assert.Equal(2.98, s.P99, 1e-12);

        // s = sqrt(((1 - 2)^2 + (3 - 2)^2) / 1) = sqrt(2); half-width = t_{0.995,1} * sqrt(2) / sqrt(2) = 63.6567411629.
        Assert.Equal(Math.Sqrt(2), s.Milliseconds.StdDev, 1e-12);
        Assert.Equal(T995Df1, s.Milliseconds.Ci99HalfWidth!.Value, 1e-6);
    }

    [Fact]
    public void A_single_sample_has_no_spread_and_no_confidence_interval()
    {
        LatencyStatistics s = LatencyStatistics.From([4.2]);

        Assert.Equal(new LatencyStatistics(1, new LatencySummary(4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 0, null)), s);
        Assert.True(double.IsNaN(s.RelativeCi99HalfWidth));
    }

    [Fact]
    public void Identical_samples_have_exactly_zero_spread()
    {
        // 7 x 0.1 sums to 0.7000000000000001, so a naive mean/variance would report rounding noise.
        LatencyStatistics s = LatencyStatistics.From([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);

        Assert.Equal(new LatencyStatistics(7, new LatencySummary(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0, 0)), s);
        Assert.Equal(0, s.RelativeCi99HalfWidth);
    }

    [Fact]
    public void A_large_skewed_sample_has_its_tail_in_p99()
    {
        // 980 x 10 ms plus a tail 20, 40, ..., 400 ms (20 values), shuffled: n = 1000.
        double[] samples = [.. Enumerable.Repeat(10.0, 980), .. Enumerable.Range(1, 20).Select(j => 20.0 * j)];
        new Random(12345).Shuffle(samples);

        LatencyStatistics s = LatencyStatistics.From(samples);

        // mean = (980 * 10 + 20 * (1 + ... + 20)) / 1000 = (9800 + 4200) / 1000 = 14.
        Assert.Equal(1000, s.Count);
        Assert.Equal(14, s.Mean, 1e-12);

        // sorted x[1..980] = 10, x[980 + j] = 20 j. median h = 500.5, p90 h = 900.1, p95 h = 950.05: all inside the 10s.
        // p99 h = 999 * 0.99 + 1 = 990.01 -> x[990] + 0.01 (x[991] - x[990]) = 200 + 0.01 * 20 = 200.2.
        Assert.Equal(10, s.Median, 1e-12);
        Assert.Equal(10, s.Milliseconds.P90, 1e-12);
        Assert.Equal(10, s.Milliseconds.P95, 1e-12);
        Assert.Equal(200.2, s.P99, 1e-9);
        Assert.Equal(10, s.Milliseconds.Min);
        Assert.Equal(400, s.Milliseconds.Max);

        // sum (x - 14)^2 = 980 * 16 + sum_j (20 j - 14)^2 = 15680 + (400 * 2870 - 560 * 210 + 20 * 196) = 1,050,000;
        // s = sqrt(1,050,000 / 999) = 32.4199175053.
        Assert.Equal(Math.Sqrt(1_050_000.0 / 999), s.Milliseconds.StdDev, 1e-10);

        // t_{0.995,999} = 2.5807596373 (Cornish-Fisher to 1/nu^4 around z = 2.5758293035);
        // half-width = 2.5807596373 * 32.4199175053 / sqrt(1000) = 2.6458149325.
        Assert.Equal(2.645814932544319, s.Milliseconds.Ci99HalfWidth!.Value, 1e-5);
    }

    [Fact]
    public void The_order_of_the_samples_does_not_matter()
    {
        LatencyStatistics sorted = LatencyStatistics.From([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        LatencyStatistics shuffled = LatencyStatistics.From([7, 3, 10, 1, 9, 2, 8, 5, 4, 6]);

        Assert.Equal(sorted, shuffled);
    }

    [Fact]
    public void The_statistics_do_not_depend_on_the_current_culture()
    {
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        LatencyStatistics invariant = LatencyStatistics.From([1.5, 2.25, 1.75, 9.5]);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, LatencyStatistics.From([1.5, 2.25, 1.75, 9.5]));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_caller_may_keep_appending_to_the_list()
    {
        var samples = new List<double> { 1, 2, 3 };
        LatencyStatistics s = LatencyStatistics.From(samples);
        samples.Add(100);

        Assert.Equal(3, s.Count);
        Assert.Equal(3, s.Milliseconds.Max);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.5)]
    public void Invalid_samples_are_rejected(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => LatencyStatistics.From([1, bad, 2]));
        Assert.Contains("sample 1", e.Message);
    }

    [Fact]
    public void No_samples_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LatencyStatistics.From([]));
    }
}
