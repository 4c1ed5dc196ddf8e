using System.Collections.Immutable;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Profiles;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Reporting.Profiles;

/// <summary>Scaling steps of the B0-B3 fixture and the stated rule of where scaling stops paying.</summary>
public sealed class ScalingTests
{
    private static ScalingStep Step(string from, string to, double extraMs, double? gain) =>
        new(from, to, 2, 1.5, extraMs, gain, "paper", gain is double g && g > 0 ? extraMs / g : null, []);

    [Fact]
    public void The_b0_to_b3_series_stops_paying_where_the_cost_per_point_more_than_doubles()
    {
        ScalingSeries series = Assert.Single(ScalingAnalysis.Series(ProfiledCase.Of(ProfileFixtures.Series()), AccuracyTable.Load(null)));

        Assert.Equal(["b0@224", "b1@240", "b2@260", "b3@300"], series.Cases.Select(c => c.Model));
        ScalingStep[] steps = [.. series.Steps];

        // b0 -> b1: +4 ms for +2.0 points = 2 ms per point; FLOPs 1413011672 / 795588220 = 1.776059.
        Assert.Equal(1.776059, steps[0].FlopsGrowth!.Value, 6);
        Assert.Equal(1.4, steps[0].LatencyGrowth, 9);
        Assert.Equal(2.0, steps[0].Top1Gain!.Value, 9);
        Assert.Equal(2.0, steps[0].MsPerTop1Point!.Value, 9);
        Assert.Equal("paper", steps[0].Top1Source);

        // b1 -> b2: +3 ms / +1.0 = 3 (1.5x, pays); b2 -> b3: +13 ms / +1.5 = 8.67 (2.9x, stops).
        Assert.Equal(3.0, steps[1].MsPerTop1Point!.Value, 9);
        Assert.Equal(8.666667, steps[2].MsPerTop1Point!.Value, 6);
        Assert.Equal((2, "each top-1 point costs 8.67 ms of latency, 2.9x the 3.00 ms of b1@240 -> b2@260"), ScalingRule.FirstNotPaying(series.Steps));
        Assert.StartsWith("On cpu, batch 1, threads default, AMD EPYC (2 cores), scaling stops paying at b2@260 -> b3@300: each top-1 point costs 8.67 ms", series.Verdict);
        Assert.Contains("rule: the first step whose extra latency per top-1 point is more than 2x the previous step's, or whose top-1 gain is below 0.5 points", series.Verdict);
    }

    [Fact]
    public void The_extra_time_of_a_step_is_split_over_the_kinds_that_absorbed_it()
    {
        ScalingSeries series = Assert.Single(ScalingAnalysis.Series(ProfiledCase.Of(ProfileFixtures.Series()), AccuracyTable.Load(null)));

        // b2 -> b3: depthwise 7 -> 14 ms (+7), pointwise 2.55 -> 3.9 (+1.35), stem 0.68 -> 1.04, Sigmoid 0.51 -> 0.78,
        // Mul 0.425 -> 0.65; pool and Gemm unchanged. Total +0.36 +7 +1.35 +0.27 +0.225 = +9.205 ms of node time.
        ImmutableArray<AbsorbedTime> absorbed = series.Steps[2].Absorbed;
        Assert.Equal("conv-depthwise", absorbed[0].Kind);
        Assert.Equal(7, absorbed[0].ExtraMs, 9);
        Assert.Equal(7 / 9.205, absorbed[0].Share, 9);
        Assert.Equal("conv-pointwise", absorbed[1].Kind);
        Assert.Equal(1.0, absorbed.Sum(a => a.Share), 9);
    }

    [Fact]
    public void The_two_arms_of_an_ab_run_are_two_series()
    {
        BenchmarkResults run = ProfileFixtures.Series();
        BenchmarkResults ab = run with
        {
            Cases = [.. run.Cases.Select(c => c with { Arm = AbSettings.BaselineArm }), .. run.Cases.Select(c => c with { Id = c.Id + "/candidate", Arm = AbSettings.CandidateArm })],
        };

        ImmutableArray<ScalingSeries> series = ScalingAnalysis.Series(ProfiledCase.Of(ab), AccuracyTable.Load(null));

        Assert.Equal(2, series.Length);
        Assert.All(series, s => Assert.Equal(3, s.Steps.Length));
        Assert.EndsWith("candidate arm", series[1].Cases[0].Setting);
    }

    [Fact]
    public void A_gain_below_the_stated_figure_stops_scaling_even_when_cheap()
    {
        ImmutableArray<ScalingStep> steps = [Step("b5", "b6", 10, 0.4)];

        Assert.Equal(0, ScalingRule.FirstNotPaying(steps).Step);
        Assert.Contains("top-1 gain of 0.4 points is below 0.5", ScalingRule.FirstNotPaying(steps).Reason);
    }

    [Fact]
    public void Every_step_paying_says_so_and_a_missing_accuracy_makes_it_inconclusive()
    {
        ImmutableArray<ScalingStep> paying = [Step("b0", "b1", 4, 2), Step("b1", "b2", 7, 2)]; // 2 then 3.5 ms per point: 1.75x
        ImmutableArray<ScalingStep> unknown = [Step("b0", "b1", 4, 2), Step("b1", "x", 7, null)];

        Assert.Equal((null, null), ScalingRule.FirstNotPaying(paying));
        Assert.StartsWith("On here, scaling keeps paying from b0 to b2", ScalingRule.Verdict("here", paying));
        Assert.StartsWith("On here, where scaling stops paying is inconclusive: no top-1 figure for b1 or x", ScalingRule.Verdict("here", unknown));
    }

    [Fact]
    public void Without_accuracy_sources_the_verdict_is_inconclusive_not_invented()
    {
        ScalingSeries series = Assert.Single(ScalingAnalysis.Series(ProfiledCase.Of(ProfileFixtures.Series()), AccuracyTable.Load(["none"])));

        Assert.All(series.Steps, s => Assert.Null(s.Top1Gain));
        Assert.Contains("inconclusive", series.Verdict);
    }
}
