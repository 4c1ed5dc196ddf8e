using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Regression;

/// <summary>The A/B verdict: compare's test on every launch's samples, then the pair's launch-to-launch spread.</summary>
public sealed class AbComparerTests
{
    [Fact]
    public void A_large_change_beyond_the_launch_spread_is_slower_even_with_thousands_of_samples_per_arm()
    {
        // 2 x 1500 samples an arm: Perfolizer's SimpleEquivalenceTest called this 3x slowdown indistinguishable; compare's own
        // Mann-Whitney test does not.
        AbReport report = Compare(Arm("a", 0.12, [1.0, 1.02], 1500), Arm("b", 0.36, [1.0, 1.03], 1500));

        AbPair pair = Assert.Single(report.Pairs);
        Assert.Equal(Verdict.Slower, pair.Verdict);
        Assert.Equal((3000, 3000), (pair.BaselineSamples, pair.CandidateSamples));
        Assert.InRange(pair.ChangePercent!.Value, 190, 210);
        Assert.True(report.AnySlower);
        Assert.Contains("beyond the threshold and the launch-to-launch spread", pair.Reason);
        Assert.InRange(pair.LaunchSpreadPercent!.Value, 1, 5);
    }

    [Fact]
    public void A_change_the_test_finds_but_within_the_launch_to_launch_spread_is_inconclusive_with_the_reason()
    {
        // The candidate is 10 % slower overall, but the baseline's own launches differ by 20 %.
        AbReport report = Compare(Arm("a", 1.0, [1.0, 1.2], 500), Arm("b", 1.21, [1.0, 1.0], 500));

        AbPair pair = Assert.Single(report.Pairs);
        Assert.Equal(Verdict.Inconclusive, pair.Verdict);
        Assert.Contains("launches disagree", pair.Reason);
        Assert.InRange(pair.LaunchSpreadPercent!.Value, 17, 23);
        Assert.InRange(pair.ChangePercent!.Value, 5, 16);
        Assert.True(report.AnyInconclusive);
        Assert.False(report.AnySlower);
        string markdown = AbReportWriter.Markdown(report);
        Assert.Contains("**0 slower, 0 faster, 0 same, 1 inconclusive** of 1 pair", markdown);
        Assert.Contains("| 1 | baseline/a-r224/cpu/b1/tdefault | candidate/b-r224/cpu/b1/tdefault |", markdown);
    }

    [Fact]
    public void An_arm_that_failed_makes_its_pair_inconclusive_and_the_same_samples_are_same()
    {
        CaseResult failed = CaseResult.Failed("candidate/b-r224/cpu/b1/tdefault", new ModelInfo("b", ModelSource.Zoo, null, 224, null, null, null),
            "cpu", 1, null, "launch 1 of 2: out of memory") with { Arm = AbSettings.CandidateArm };
        AbPair pair = Assert.Single(Compare(Arm("a", 1.0, [1.0, 1.01], 200), failed).Pairs);
        Assert.Equal(Verdict.Inconclusive, pair.Verdict);
        Assert.Contains("candidate failed: launch 1 of 2: out of memory", pair.Reason);

        CaseResult a = Arm("a", 1.0, [1.0, 1.01], 200);
        AbPair same = Assert.Single(Compare(a, a with { Id = "candidate/a-r224/cpu/b1/tdefault", Arm = AbSettings.CandidateArm }).Pairs);
        Assert.Equal(Verdict.Same, same.Verdict);
    }

    private static AbReport Compare(CaseResult baseline, CaseResult candidate)
    {
        BenchmarkResults run = RegressionData.Run("ab", RegressionData.Day1, [baseline, candidate]) is var r
            ? r with { Settings = r.Settings with { Ab = new AbSettings(["a"], ["b"], null, null) } }
            : null!;
        return AbComparer.Compare(run, 2, "/runs/ab", new CompareOptions());
    }

    /// <summary>A case of one arm: one launch per scale, each <paramref name="perLaunch"/> normal samples around median x scale.</summary>
    private static CaseResult Arm(string model, double median, double[] launchScales, int perLaunch)
    {
        string arm = model == "a" ? AbSettings.BaselineArm : AbSettings.CandidateArm;
        var launches = launchScales.Select((scale, i) =>
        {
            double[] samples = RegressionData.Normal(17 + i, perLaunch, median * scale);
            return new LaunchResult(i + 1, i, LatencySummary.From(LatencyStatistics.From(samples)), [.. samples], null, null, null, null);
        }).ToImmutableArray();
        double[] pooled = [.. launches.SelectMany(l => l.SamplesMs)];
        return RegressionData.Case(model, pooled) with { Id = arm + "/" + CaseId.For(model, 224, "cpu", 1, null), Arm = arm, Launches = launches };
    }
}
