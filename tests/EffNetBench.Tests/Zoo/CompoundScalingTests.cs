using EffNetBench.Core.Zoo;

namespace EffNetBench.Tests.Zoo;

public sealed class CompoundScalingTests
{
    // Hand-computed from round_filters in the reference: 1.1 * 40 = 44 -> floor(48) / 8 * 8 = 48.
    [Theory]
    [InlineData(32, 1.0, 32)]
    [InlineData(40, 1.1, 48)]
    [InlineData(80, 1.1, 88)]
    [InlineData(112, 1.1, 120)]
    [InlineData(1280, 1.1, 1408)]
    [InlineData(32, 1.2, 40)]
    [InlineData(16, 1.2, 24)] // 19.2 -> 16 < 0.9 * 19.2 = 17.28, so +8 -> 24 (the 10 % rule)
    [InlineData(24, 1.4, 32)]
    [InlineData(192, 1.8, 344)]
    [InlineData(320, 2.0, 640)]
    [InlineData(4, 0.5, 8)] // never below the divisor
    public void RoundFilters_matches_the_reference_rule(int channels, double width, int expected) =>
        Assert.Equal(expected, CompoundScaling.RoundFilters(channels, width));

    [Fact]
    public void RoundFilters_without_the_ten_percent_rule_can_round_down_further()
    {
        // 16 * 1.2 = 19.2: floor(19.2 + 4) = 23 -> 16; V1 bumps to 24, V2 keeps 16.
        Assert.Equal(24, CompoundScaling.RoundFilters(16, 1.2));
        Assert.Equal(16, CompoundScaling.RoundFilters(16, 1.2, tenPercentRule: false));
    }

    [Theory]
    [InlineData(1, 1.1, 2)]
    [InlineData(4, 1.1, 5)]
    [InlineData(3, 1.4, 5)]
    [InlineData(4, 3.1, 13)]
    [InlineData(2, 1.0, 2)]
    public void RoundRepeats_is_ceiling(int repeats, double depth, int expected) =>
        Assert.Equal(expected, CompoundScaling.RoundRepeats(repeats, depth));

    [Fact]
    public void FromPhi_uses_the_papers_alpha_beta_gamma()
    {
        (double width, double depth, int resolution) = CompoundScaling.FromPhi(1);
        Assert.Equal(1.1, width, 12);
        Assert.Equal(1.2, depth, 12);
        Assert.Equal(256, resolution); // 224 * 1.15 = 257.6 -> nearest multiple of 8 = 256

        (width, depth, resolution) = CompoundScaling.FromPhi(0);
        Assert.Equal((1.0, 1.0, 224), (width, depth, resolution));
    }

    [Fact]
    public void Compound_rule_roughly_doubles_flops_per_phi()
    {
        // alpha * beta^2 * gamma^2 ~= 2 (paper section 3.3).
        double factor = CompoundScaling.Alpha * Math.Pow(CompoundScaling.Beta, 2) * Math.Pow(CompoundScaling.Gamma, 2);
        Assert.InRange(factor, 1.9, 2.0);
    }
}
