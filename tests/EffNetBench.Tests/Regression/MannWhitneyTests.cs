using EffNetBench.Core.Regression;

namespace EffNetBench.Tests.Regression;

/// <summary>The one-sided Mann-Whitney p-values, pinned against scipy 1.10.1 (Debian bookworm's python3-scipy):
/// <c>scipy.stats.mannwhitneyu(x, y, alternative=..., method="asymptotic", use_continuity=True).pvalue</c>.</summary>
public sealed class MannWhitneyTests
{
    [Theory]
    [InlineData("1,2,3,4,5", "6,7,8,9,10", 0.9966923245172357, 0.006092890177672406)]
    [InlineData("1,2,2,3,3,3,4", "2,3,4,4,5,5,6,7", 0.9907347385044912, 0.012639868442946957)]
    [InlineData("10.1,9.8,10.4,10.0,10.2,9.9,10.3,10.6", "10.5,10.7,10.2,10.9,10.4,11.0,10.8", 0.9954534150850046, 0.006340642132137514)]
    [InlineData("5.1,5.3,4.9,5.0,5.2,5.05,4.95", "5.0,5.15,5.25,4.85,5.1,5.2", 0.6665289284286846, 0.38709482505938597)]
    [InlineData("1,1,1,1,1", "1,1,1,1,1", 1.0, 1.0)]
    public void P_values_match_scipy(string x, string y, double greater, double less)
    {
        double[] xs = Parse(x), ys = Parse(y);

        Assert.Equal(greater, MannWhitney.PGreater(xs, ys), 1e-6);
        Assert.Equal(less, MannWhitney.PLess(xs, ys), 1e-6);
        Assert.Equal(less, MannWhitney.PGreater(ys, xs), 1e-6); // the test is symmetric in its arguments
    }

    [Fact]
    public void P_values_match_scipy_on_larger_samples_with_many_ties()
    {
        // xs = [10 + ((i*37) % 17) / 10 for i in range(40)]; ys = [10.3 + ((i*53) % 19) / 10 for i in range(35)]
        double[] xs = [.. Enumerable.Range(0, 40).Select(i => 10 + (i * 37 % 17) / 10.0)];
        double[] ys = [.. Enumerable.Range(0, 35).Select(i => 10.3 + (i * 53 % 19) / 10.0)];

        Assert.Equal(0.999045345193846, MannWhitney.PGreater(xs, ys), 1e-6);
        Assert.Equal(0.000989525924720697, MannWhitney.PLess(xs, ys), 1e-7);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.025)]
    [InlineData(2.326347874040841, 0.01)]
    [InlineData(-1.6448536269514722, 0.95)]
    public void The_normal_upper_tail_is_accurate(double z, double expected) =>
        Assert.Equal(expected, MannWhitney.NormalUpperTail(z), 1e-7);

    private static double[] Parse(string text) =>
        [.. text.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
}
