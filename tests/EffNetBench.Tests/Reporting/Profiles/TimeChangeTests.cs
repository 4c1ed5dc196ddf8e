using EffNetBench.Core.Reporting.Profiles;

namespace EffNetBench.Tests.Reporting.Profiles;

/// <summary>`profile diff`'s verdict: beyond the traces' noise and both of compare's floors (0.05 ms, 5 %).</summary>
public sealed class TimeChangeTests
{
    [Theory]
    // An A/A's ReorderOutput node: 0.005 -> 0.021 ms is 4x, far beyond its trace spread, but under 0.05 ms.
    [InlineData(0.005, 0.021, 0.001, "within noise")]
    // A whole kind moving 0.5 % (0.02 ms of 3.97 ms) beyond its tiny spread: under both floors.
    [InlineData(3.968, 3.950, 0.010, "within noise")]
    // 6.4 % but 0.012 ms (the A/A's Gemm): under 0.05 ms.
    [InlineData(0.180, 0.168, 0.008, "within noise")]
    // 0.2 ms and 2 % of 10 ms: under 5 %.
    [InlineData(10.0, 10.2, 0.01, "within noise")]
    // 0.6 ms and 6 % of 10 ms, beyond a 0.1 ms noise: a change.
    [InlineData(10.0, 10.6, 0.1, "beyond noise")]
    // The same change inside a 1 ms noise: not.
    [InlineData(10.0, 10.6, 1.0, "within noise")]
    public void A_change_is_beyond_noise_only_past_the_noise_and_both_floors(double baselineMs, double currentMs, double noiseMs, string verdict)
    {
        Assert.Equal(verdict, new TimeChange("n", null, baselineMs, currentMs, noiseMs).Verdict);
    }

    [Fact]
    public void A_node_only_one_run_has_is_judged_by_the_absolute_floor_and_noise_unknown_says_so()
    {
        Assert.Equal("beyond noise", new TimeChange("new", null, null, 0.06, 0.001).Verdict);
        Assert.Equal("within noise", new TimeChange("new", null, null, 0.04, 0.001).Verdict);
        Assert.Equal("noise unknown", new TimeChange("n", null, 1, 2, null).Verdict);
    }
}
