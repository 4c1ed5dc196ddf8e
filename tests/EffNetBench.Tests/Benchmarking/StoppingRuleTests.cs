using EffNetBench.Core.Benchmarking.Statistics;

namespace EffNetBench.Tests.Benchmarking;

public sealed class StoppingRuleTests
{
    private static readonly double[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Fact]
    public void Stops_once_the_relative_half_width_reaches_the_target()
    {
        // 1..10: half-width 3.1114806433 / mean 5.5 = 0.5657237533.
        Assert.True(StoppingRule.PrecisionReached(OneToTen, 10, 0.566));
        Assert.False(StoppingRule.PrecisionReached(OneToTen, 10, 0.565));
    }

    [Fact]
    public void Agrees_with_the_reported_statistics()
    {
        double relative = LatencyStatistics.From(OneToTen).RelativeCi99HalfWidth;

        Assert.True(StoppingRule.PrecisionReached(OneToTen, 2, relative * (1 + 1e-12)));
        Assert.False(StoppingRule.PrecisionReached(OneToTen, 2, relative * (1 - 1e-12)));
    }

    [Fact]
    public void Never_stops_before_the_minimum_sample_count()
    {
        double[] identical = [5, 5, 5, 5];

        Assert.False(StoppingRule.PrecisionReached(identical, 5, 0.01));
        Assert.True(StoppingRule.PrecisionReached(identical, 4, 0.01));
    }

    [Fact]
    public void A_single_sample_has_no_confidence_interval_to_judge()
    {
        Assert.False(StoppingRule.PrecisionReached([5.0], 1, 0.5));
    }

    [Fact]
    public void Identical_samples_are_precise_even_at_zero_latency()
    {
        Assert.True(StoppingRule.PrecisionReached([0.1, 0.1, 0.1], 2, 1e-9));
        Assert.True(StoppingRule.PrecisionReached([0.0, 0.0], 2, 1e-9));
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StoppingRule.PrecisionReached(OneToTen, 0, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => StoppingRule.PrecisionReached(OneToTen, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StoppingRule.PrecisionReached(OneToTen, 2, double.NaN));
        Assert.Throws<ArgumentException>(() => StoppingRule.PrecisionReached([1, double.NaN, 2], 2, 0.01));
    }
}
