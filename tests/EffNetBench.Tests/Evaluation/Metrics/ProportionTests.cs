using EffNetBench.Core.Evaluation.Metrics;

namespace EffNetBench.Tests.Evaluation.Metrics;

/// <summary>The Wilson score interval against hand values and at its edges.</summary>
public sealed class ProportionTests
{
    [Fact]
    public void Seven_of_ten_matches_the_hand_computed_wilson_interval()
    {
        // z² = 3.841459; denominator 1 + z²/10 = 1.384146; centre (0.7 + 0.192073)/1.384146 = 0.644494;
        // half = 1.959964 * sqrt(0.021 + 0.009604)/1.384146 = 0.247712 -> [0.396782, 0.892206].
        Proportion p = Proportion.Of(7, 10);
        Assert.Equal(0.7, p.Value, 12);
        Assert.Equal(0.396782, p.WilsonLow95, 5);
        Assert.Equal(0.892206, p.WilsonHigh95, 5);
    }

    [Fact]
    public void None_and_all_pin_the_interval_to_zero_and_one()
    {
        // At 0 of n the upper bound is z²/(n + z²) = 3.841459/13.841459 = 0.277533.
        Proportion none = Proportion.Of(0, 10);
        Assert.Equal(0, none.WilsonLow95);
        Assert.Equal(0.277533, none.WilsonHigh95, 5);

        Proportion all = Proportion.Of(10, 10);
        Assert.Equal(1, all.WilsonHigh95);
        Assert.Equal(1 - 0.277533, all.WilsonLow95, 5);
    }

    [Fact]
    public void A_large_sample_gives_a_narrow_interval_around_the_value()
    {
        // 98 % of 50 000: half-width about 1.96 * sqrt(0.98 * 0.02 / 50000) = 0.00123.
        Proportion p = Proportion.Of(49_000, 50_000);
        Assert.InRange(p.WilsonLow95, 0.9787, 0.9789);
        Assert.InRange(p.WilsonHigh95, 0.9811, 0.9813);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    public void Impossible_counts_are_rejected(long successes, long trials)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Of(successes, trials));
    }
}
