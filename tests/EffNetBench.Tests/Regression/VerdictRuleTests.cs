using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;
using static EffNetBench.Tests.Regression.RegressionData;

namespace EffNetBench.Tests.Regression;

/// <summary>The verdict rule of <see cref="RegressionComparer.CompareCase"/>: A/A never changes, weak evidence is
/// inconclusive with its reason, a real shift with launches that agree is a change.</summary>
public sealed class VerdictRuleTests
{
    private static readonly CompareOptions Defaults = new();

    private static CaseResult Measured(double[] samples, bool? precise = true, double? busyShare = 0.02) =>
        Case("b0", samples) with
        {
            Stopping = precise is bool met ? new StoppingInfo(10, 0.02, 15, met, met ? StopReason.Precision : StopReason.TimeCap) : null,
            Noise = busyShare is double share ? new NoiseInfo(10, 20 * (1 - share), 20 * share, 0, 2, 0.1, 0.1) : null,
        };

    /// <summary>A case of several launches, each <paramref name="perLaunch"/> samples around its own median.</summary>
    private static CaseResult Launched(int seed, double[] launchMedians, int perLaunch = 60, double relativeSd = 0.02)
    {
        var launches = ImmutableArray.CreateBuilder<LaunchResult>();
        var pooled = new List<double>();
        for (int i = 0; i < launchMedians.Length; i++)
        {
            double[] samples = Normal(seed * 100 + i, perLaunch, launchMedians[i], relativeSd);
            pooled.AddRange(samples);
            launches.Add(new LaunchResult(i + 1, i * 2, LatencySummary.From(LatencyStatistics.From(samples)), [.. samples],
                new StoppingInfo(10, 0.02, 15, true, StopReason.Precision), null, null, new NoiseInfo(5, 9, 0.2, 0, 2, 0.1, 0.1)));
        }

        return Measured([.. pooled]) with { Launches = launches.ToImmutable() };
    }

    [Fact]
    public void Identical_sample_sets_are_same()
    {
        double[] samples = Normal(7, 100, 10);

        CaseComparison result = RegressionComparer.CompareCase(Measured(samples), Measured(samples), Defaults);

        Assert.Equal((Verdict.Same, (InconclusiveReason?)null), (result.Verdict, result.Reason));
    }

    [Theory]
    [InlineData(1.0, 0.02)]
    [InlineData(1000.0, 0.02)]
    [InlineData(10.0, 0.10)]
    public void Two_draws_of_one_distribution_are_never_slower_or_faster_over_many_seeds(double median, double relativeSd)
    {
        for (int seed = 0; seed < 300; seed++)
        {
            CaseComparison result = RegressionComparer.CompareCase(
                Measured(Normal(2 * seed, 60, median, relativeSd)), Measured(Normal(2 * seed + 1, 60, median, relativeSd)), Defaults);

            Assert.True(result.Verdict == Verdict.Same, $"seed {seed}: {result.Verdict} ({result.MedianRatio})");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1000.0)]
    public void The_verdict_depends_on_the_relative_shift_not_the_scale(double median)
    {
        // The same relative shifts at 1 ms and at 1 s give the same verdicts (the 0.05 ms floor is below both shifts).
        (double Factor, Verdict Expected)[] shifts = [(1.0, Verdict.Same), (1.02, Verdict.Same), (1.15, Verdict.Slower), (0.85, Verdict.Faster)];
        foreach ((double factor, Verdict expected) in shifts)
        {
            CaseComparison result = RegressionComparer.CompareCase(
                Measured(Normal(1, 200, median)), Measured(Scaled(Normal(2, 200, median), factor)), Defaults);

            Assert.True(expected == result.Verdict, $"x{factor} at {median} ms: {result.Verdict} ({result.Note})");
        }
    }

    [Fact]
    public void A_shift_far_beyond_ten_thresholds_is_still_decided_by_the_rank_tests()
    {
        // Three samples a side with a 3x shift: a shortcut on the shift estimate would call it slower; the tests see 5 a side at least.
        CaseComparison wide = RegressionComparer.CompareCase(Measured([10, 10.1, 9.9, 10.2, 9.8]), Measured([30, 31, 29, 30.5, 29.5]), Defaults);
        Assert.Equal(Verdict.Slower, wide.Verdict);

        // Overlapping samples with a large median shift: the rank tests are not significant, so the verdict is same.
        CaseComparison overlap = RegressionComparer.CompareCase(Measured([1, 50, 2, 60, 3]), Measured([40, 1.5, 55, 2.5, 45]), Defaults);
        Assert.Equal(Verdict.Same, overlap.Verdict);
    }

    [Theory]
    [InlineData(0.30, null, InconclusiveReason.MachineBusy, "machine busy: other processes took baseline 30 % of the CPU (limit 15 %)")]
    [InlineData(0.02, false, InconclusiveReason.PrecisionMissed, "precision target missed (baseline)")]
    public void Weak_evidence_is_inconclusive_with_its_reason_even_for_identical_samples(double busy, bool? precise, InconclusiveReason reason, string note)
    {
        double[] samples = Normal(3, 100, 10);

        CaseComparison result = RegressionComparer.CompareCase(Measured(samples, precise ?? true, busy), Measured(samples), Defaults);

        Assert.Equal((Verdict.Inconclusive, reason, note), (result.Verdict, result.Reason, result.Note));
    }

    [Fact]
    public void A_missed_precision_target_does_not_hide_a_change_beyond_both_intervals_but_a_small_one_stays_inconclusive()
    {
        // Sequential pairing with no drift allowance isolates the precision gate (launches and drift are tested above).
        CompareOptions options = Defaults with { DriftAllowance = 0 };
        // A side that stopped wide: 30 % spread, so its 99 % interval of the mean is about +-8 %, above a 5 % target.
        CaseResult imprecise = Measured(Normal(4, 100, 10, relativeSd: 0.3), precise: false);
        Assert.InRange(imprecise.LatencyMs!.Ci99HalfWidth!.Value / imprecise.LatencyMs.Mean, 0.05, 0.12);

        CaseComparison large = RegressionComparer.CompareCase(imprecise, Measured(Normal(5, 100, 25)), options);
        CaseComparison small = RegressionComparer.CompareCase(imprecise, Measured(Normal(6, 100, 10.7)), options);
        CaseComparison none = RegressionComparer.CompareCase(imprecise, Measured(Normal(7, 100, 10)), options);

        Assert.Equal(Verdict.Slower, large.Verdict);
        Assert.Null(large.Reason);
        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.PrecisionMissed), (small.Verdict, small.Reason));
        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.PrecisionMissed), (none.Verdict, none.Reason));
    }

    [Fact]
    public void The_busy_limit_is_an_option_and_every_weak_point_is_named()
    {
        CaseResult busy = Measured(Normal(1, 100, 10), precise: false, busyShare: 0.30);

        CaseComparison strict = RegressionComparer.CompareCase(busy, Measured(Normal(2, 100, 10)), Defaults);
        CaseComparison relaxed = RegressionComparer.CompareCase(busy with { Stopping = null }, Measured(Normal(2, 100, 10)), Defaults with { MaxBusyShare = 0.5 });

        Assert.Equal(InconclusiveReason.PrecisionMissed, strict.Reason);
        Assert.Equal("precision target missed (baseline); machine busy: other processes took baseline 30 % of the CPU (limit 15 %)", strict.Note);
        Assert.Equal(Verdict.Same, relaxed.Verdict);
    }

    [Fact]
    public void Too_few_samples_and_differing_environments_are_inconclusive()
    {
        CaseComparison few = RegressionComparer.CompareCase(Measured(Normal(1, 4, 10)), Measured(Normal(2, 50, 10)), Defaults);
        CaseComparison env = RegressionComparer.CompareCase(Measured(Normal(1, 50, 10)), Measured(Normal(2, 50, 10)), Defaults,
            Pairing.Sequential, ["CPU", "logical cores"]);

        Assert.Equal(InconclusiveReason.TooFewSamples, few.Reason);
        Assert.Equal((InconclusiveReason.EnvironmentsDiffer, "environments differ (CPU, logical cores)"), (env.Reason, env.Note));
    }

    [Fact]
    public void A_sequential_shift_within_the_drift_allowance_is_inconclusive_and_beyond_it_a_change()
    {
        CaseResult baseline = Measured(Normal(1, 200, 10, 0.01));

        CaseComparison within = RegressionComparer.CompareCase(baseline, Measured(Scaled(Normal(2, 200, 10, 0.01), 1.08)), Defaults);
        CaseComparison beyond = RegressionComparer.CompareCase(baseline, Measured(Scaled(Normal(2, 200, 10, 0.01), 1.15)), Defaults);
        CaseComparison trusted = RegressionComparer.CompareCase(baseline, Measured(Scaled(Normal(2, 200, 10, 0.01), 1.08)), Defaults with { DriftAllowance = 0 });

        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.DriftNotRuledOut), (within.Verdict, within.Reason));
        Assert.StartsWith("one launch per side: the +8.", within.Note);
        Assert.Contains("is not significantly beyond the 10 % drift allowance", within.Note);
        Assert.Equal(Verdict.Slower, within.ThresholdTest);
        Assert.Equal(Verdict.Slower, beyond.Verdict);
        Assert.Equal(Verdict.Slower, trusted.Verdict);
    }

    [Theory]
    [InlineData(1.12, Verdict.Slower)]
    [InlineData(1.20, Verdict.Slower)]
    [InlineData(0.85, Verdict.Faster)]
    [InlineData(1.01, Verdict.Same)]
    public void Interleaved_launches_that_agree_decide_a_10_to_20_percent_shift(double factor, Verdict expected)
    {
        CaseResult baseline = Launched(1, [10.0, 10.05, 9.97]);
        CaseResult candidate = Launched(2, [10.0 * factor, 10.02 * factor, 9.98 * factor]);

        CaseComparison result = Assert.Single(RegressionComparer.CompareCases([baseline], [candidate], Defaults, Pairing.Interleaved));

        Assert.True(expected == result.Verdict, $"{result.Verdict}: {result.Note}");
        Assert.InRange(result.BaselineLaunchSpread!.Value, 0, 0.02);
    }

    [Fact]
    public void No_change_between_launches_that_disagree_is_inconclusive_not_same()
    {
        // The first launch of a run 50 % slow (a cold first process), the rest alike: the pooled samples show no change,
        // but a 30 % change could hide in that spread.
        CaseResult baseline = Launched(11, [15.0, 10.0], relativeSd: 0.01);
        CaseResult candidate = Launched(12, [13.0, 13.0], relativeSd: 0.01);
        CaseResult agreeing = Launched(13, [10.0, 10.05], relativeSd: 0.01);

        CaseComparison disagreeing = RegressionComparer.CompareCase(baseline, candidate, Defaults, Pairing.Interleaved);
        CaseComparison same = RegressionComparer.CompareCase(agreeing, Launched(14, [10.02, 10.0], relativeSd: 0.01), Defaults, Pairing.Interleaved);

        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.LaunchesDisagree), (disagreeing.Verdict, disagreeing.Reason));
        Assert.StartsWith("launches disagree: their medians spread", disagreeing.Note, StringComparison.Ordinal);
        Assert.Equal(Verdict.Same, same.Verdict);
    }

    [Fact]
    public void A_shift_within_the_launch_to_launch_spread_is_inconclusive_launches_disagree()
    {
        // Launch medians 10, 11, 12 (20 % apart) each side; the candidate 12 % slower overall.
        CaseResult baseline = Launched(1, [10.0, 11.0, 12.0], relativeSd: 0.01);
        CaseResult candidate = Launched(2, [11.2, 12.3, 13.4], relativeSd: 0.01);

        CaseComparison result = RegressionComparer.CompareCase(baseline, candidate, Defaults, Pairing.Interleaved);

        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.LaunchesDisagree), (result.Verdict, result.Reason));
        Assert.InRange(result.NoiseAllowance!.Value, 0.17, 0.20);
        Assert.Matches(@"^launches disagree: their medians spread 1[789]\.\d % \(baseline CI \d\.\d %, current CI \d\.\d %\), and the \+1\d\.\d % change is not significantly beyond it$", result.Note);
        Assert.Equal(Verdict.Slower, result.ThresholdTest);
    }

    [Fact]
    public void Identical_launch_sets_are_same_and_a_busy_launch_makes_the_case_busy()
    {
        CaseResult a = Launched(5, [10.0, 10.1, 9.9]);
        ImmutableArray<LaunchResult> launches = a.Launches!.Value;
        CaseResult busy = a with { Noise = null, Launches = launches.SetItem(1, launches[1] with { Noise = new NoiseInfo(5, 5, 4, 0, 2, 3, 3) }) };

        Assert.Equal(Verdict.Same, RegressionComparer.CompareCase(a, a, Defaults, Pairing.Interleaved).Verdict);
        CaseComparison result = RegressionComparer.CompareCase(a, busy, Defaults, Pairing.Interleaved);
        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.MachineBusy), (result.Verdict, result.Reason));
        Assert.Equal(0.4, result.CurrentBusyShare!.Value, 9);
    }

    [Theory]
    [InlineData(0.0, 0.05)]
    [InlineData(0.05, 0.0)]
    public void A_zero_threshold_or_noise_floor_is_out_of_range(double threshold, double noise) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompareOptions(threshold, noise).Validate());
}
