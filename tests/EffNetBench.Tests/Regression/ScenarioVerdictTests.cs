using System.Collections.Immutable;
using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Regression;

/// <summary>
/// compare's and ab's verdicts on the serving scenarios: offline throughput from the measuring windows of the matching
/// (concurrency, batch) point, the server's maximum rate from the rate brackets, with the latency verdict's vocabulary.
/// </summary>
public sealed class ScenarioVerdictTests
{
    private static readonly CompareOptions Defaults = new();

    private static readonly double[] Latency = RegressionData.Normal(3, 40, 10);

    /// <summary>The same single-stream samples on both sides (latency: same), with the given scenarios.</summary>
    private static CaseResult Case(OfflineResult? offline, ServerResult? server, double? busyShare = 0.02) =>
        ScenarioSamples.WithScenarios(RegressionData.Case("b0", Latency), offline, server) with
        {
            Noise = busyShare is double share ? new NoiseInfo(10, 20 * (1 - share), 20 * share, 0, 2, 0.1, 0.1) : null,
        };

    private static ServerResult Bracket(double? maxRate, double? high, double boundMs = 30) =>
        new(boundMs, "--latency-bound", maxRate, high, 7,
            [.. new[] { maxRate, high }.OfType<double>().Select(r => new ServerPoint(r, r, 500, 0, 10, 15, r == maxRate ? boundMs - 2 : boundMs + 9, 9.5, r == maxRate))]);

    private static CaseComparison Compare(CaseResult baseline, CaseResult current, Pairing pairing = Pairing.Interleaved, CompareOptions? options = null) =>
        RegressionComparer.CompareCase(baseline, current, options ?? Defaults, pairing);

    [Theory]
    [InlineData(1.3, Pairing.Interleaved, Verdict.Faster)]
    [InlineData(0.7, Pairing.Interleaved, Verdict.Slower)]
    [InlineData(1.3, Pairing.Sequential, Verdict.Faster)]
    [InlineData(0.7, Pairing.Sequential, Verdict.Slower)]
    public void A_clear_throughput_change_is_faster_or_slower_more_images_being_faster(double scale, Pairing pairing, Verdict expected)
    {
        CaseComparison result = Compare(Case(ScenarioSamples.Offline(), null), Case(ScenarioSamples.Offline(scale, seed: 11), null), pairing);

        ScenarioComparison offline = result.OfflineThroughput!;
        Assert.Equal(expected, offline.Verdict);
        Assert.Equal((expected, expected), (offline.ThresholdTest, offline.NoiseTest));
        Assert.Equal("c2, b8", offline.Configuration);
        Assert.Equal((10, 10), (offline.BaselineSamples, offline.CurrentSamples));
        Assert.InRange(offline.Ratio!.Value, scale * 0.97, scale * 1.03);
        Assert.Equal(Verdict.Same, result.Verdict);
        Assert.Null(result.ServerMaxRate);
        Assert.Equal([Verdict.Same, expected], result.AllVerdicts);
    }

    [Fact]
    public void The_same_throughput_measured_twice_is_same()
    {
        ScenarioComparison offline = Compare(Case(ScenarioSamples.Offline(seed: 1), null), Case(ScenarioSamples.Offline(seed: 21), null), Pairing.Sequential).OfflineThroughput!;

        Assert.Equal(Verdict.Same, offline.Verdict);
        Assert.Null(offline.Reason);
    }

    [Fact]
    public void Noisy_windows_are_inconclusive_not_same()
    {
        // 15 % window-to-window spread: the 95 % CIs are about ±11 %, wider than the 5 % threshold.
        ScenarioComparison offline = Compare(Case(ScenarioSamples.Offline(relativeSd: 0.15), null),
            Case(ScenarioSamples.Offline(1.04, seed: 31, relativeSd: 0.15), null)).OfflineThroughput!;

        Assert.Equal(Verdict.Inconclusive, offline.Verdict);
        Assert.Equal(InconclusiveReason.PrecisionMissed, offline.Reason);
        Assert.Contains("throughput too noisy: the 95 % CI of the windows is baseline ±", offline.Note);
    }

    [Fact]
    public void A_change_within_the_drift_allowance_of_sequential_runs_is_inconclusive_and_decided_by_ab()
    {
        CaseResult before = Case(ScenarioSamples.Offline(), null), after = Case(ScenarioSamples.Offline(0.92, seed: 11), null);

        ScenarioComparison sequential = Compare(before, after, Pairing.Sequential).OfflineThroughput!;
        Assert.Equal(Verdict.Inconclusive, sequential.Verdict);
        Assert.Equal(InconclusiveReason.DriftNotRuledOut, sequential.Reason);
        Assert.Contains("throughput change is not significantly beyond the 10 % drift allowance", sequential.Note);

        Assert.Equal(Verdict.Slower, Compare(before, after, Pairing.Interleaved).OfflineThroughput!.Verdict);
    }

    [Fact]
    public void Too_few_windows_or_a_busy_machine_is_inconclusive()
    {
        ScenarioComparison few = Compare(Case(ScenarioSamples.Offline(windows: 3), null), Case(ScenarioSamples.Offline(0.5, windows: 3), null)).OfflineThroughput!;
        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.TooFewSamples), (few.Verdict!.Value, few.Reason!.Value));

        ScenarioComparison busy = Compare(Case(ScenarioSamples.Offline(), null, busyShare: 0.4), Case(ScenarioSamples.Offline(0.5), null)).OfflineThroughput!;
        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.MachineBusy), (busy.Verdict!.Value, busy.Reason!.Value));
    }

    [Fact]
    public void Throughput_is_compared_at_the_baselines_best_point_else_at_the_currents_best_else_not_at_all()
    {
        OfflineResult baseline = ScenarioSamples.Offline();
        OfflinePoint[] withoutC2B8 = [.. baseline.Points.Where(p => (p.Concurrency, p.Batch) != (2, 8))];
        OfflineResult current = baseline with { Points = [.. withoutC2B8], Best = withoutC2B8.MaxBy(p => p.ImagesPerSecond)! };

        ScenarioComparison atCurrentBest = Compare(Case(baseline, null), Case(current, null)).OfflineThroughput!;
        Assert.Equal("c1, b8", atCurrentBest.Configuration);
        Assert.Equal(Verdict.Same, atCurrentBest.Verdict);

        OfflineResult only = baseline with { Points = [ScenarioSamples.Point(4, 1, 170, 5)], Best = ScenarioSamples.Point(4, 1, 170, 5) };
        ScenarioComparison none = Compare(Case(baseline, null), Case(only, null)).OfflineThroughput!;
        Assert.False(none.Compared);
        Assert.Null(none.Verdict);
        Assert.Equal("not compared: no (concurrency, batch) point measured on both sides (best: baseline c2, b8, current c4, b1)", none.Note);
    }

    [Theory]
    [InlineData(1.5, Pairing.Sequential, Verdict.Faster)]
    [InlineData(0.6, Pairing.Sequential, Verdict.Slower)]
    [InlineData(1.3, Pairing.Interleaved, Verdict.Faster)]
    [InlineData(1.25, Pairing.Interleaved, Verdict.Inconclusive)]
    public void Max_rates_whose_brackets_are_apart_by_more_than_the_threshold_are_faster_or_slower(double scale, Pairing pairing, Verdict expected)
    {
        // Baseline bracket [100, 120); 1.3x is [130, 156): 130 >= 120 x 1.05 = 126; 1.25x is [125, 150): apart, but 125 < 126.
        ScenarioComparison rate = Compare(Case(null, ScenarioSamples.Server()), Case(null, ScenarioSamples.Server(scale)), pairing).ServerMaxRate!;

        Assert.Equal(expected, rate.Verdict);
        Assert.Equal("p99 ≤ 30 ms", rate.Configuration);
        Assert.Equal((100.0, 120.0), (rate.BaselineBracketLow!.Value, rate.BaselineBracketHigh!.Value));
        Assert.Equal(100 * scale, rate.CurrentValue);
    }

    [Fact]
    public void Max_rate_rule_at_its_edges()
    {
        // Apart but by less than the threshold: [100, 104) and [106, 110): 106 < 104 x 1.05 = 109.2; neither same.
        ScenarioComparison close = Compare(Case(null, Bracket(100, 104)), Case(null, Bracket(106, 110))).ServerMaxRate!;
        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.BracketsTooWide), (close.Verdict!.Value, close.Reason!.Value));
        Assert.Contains("the rate brackets (baseline [100, 104), current [106, 110) requests/s) allow both no change and one beyond the 5 % threshold", close.Note);

        // A/A with narrow brackets: every change they allow is within 5 %: same.
        Assert.Equal(Verdict.Same, Compare(Case(null, Bracket(100, 104)), Case(null, Bracket(100, 104))).ServerMaxRate!.Verdict);

        // A/A with the fixture's 20 % wide brackets cannot rule out a 5 % change.
        Assert.Equal(InconclusiveReason.BracketsTooWide, Compare(Case(null, ScenarioSamples.Server()), Case(null, ScenarioSamples.Server())).ServerMaxRate!.Reason);

        // Beyond the threshold but within the 10 % drift allowance of two sequential runs: [100, 104) vs [110, 114): 110 >= 109.2 but < 114.4.
        ScenarioComparison drift = Compare(Case(null, Bracket(100, 104)), Case(null, Bracket(110, 114)), Pairing.Sequential).ServerMaxRate!;
        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.DriftNotRuledOut), (drift.Verdict!.Value, drift.Reason!.Value));
        Assert.Equal(Verdict.Faster, Compare(Case(null, Bracket(100, 104)), Case(null, Bracket(110, 114))).ServerMaxRate!.Verdict);

        // An open bracket (no rate tried exceeded the bound) can never be "slower than" or "same as": only its low end is known.
        Assert.Equal(Verdict.Faster, Compare(Case(null, Bracket(100, 104)), Case(null, Bracket(200, null))).ServerMaxRate!.Verdict);
        Assert.Equal(InconclusiveReason.BracketsTooWide, Compare(Case(null, Bracket(100, null)), Case(null, Bracket(100, null))).ServerMaxRate!.Reason);

        // Even the lowest rate exceeded the bound on the current side: its bracket is [0, 20).
        ScenarioComparison none = Compare(Case(null, Bracket(100, 104)), Case(null, Bracket(null, 20))).ServerMaxRate!;
        Assert.Equal((Verdict.Slower, 0.0), (none.Verdict!.Value, none.CurrentBracketLow!.Value));
    }

    [Fact]
    public void Max_rates_within_different_bounds_are_inconclusive()
    {
        ScenarioComparison rate = Compare(Case(null, ScenarioSamples.Server()), Case(null, ScenarioSamples.Server(2, boundMs: 45, boundSource: "3 x single-stream p99"))).ServerMaxRate!;

        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.BoundsDiffer), (rate.Verdict!.Value, rate.Reason!.Value));
        Assert.Equal("the p99 bounds differ (baseline 30 ms from --latency-bound, current 45 ms from 3 x single-stream p99): give both runs the same --latency-bound", rate.Note);
    }

    [Fact]
    public void A_scenario_on_one_side_only_is_not_compared_and_does_not_count_towards_the_exit_code()
    {
        CaseResult with = Case(ScenarioSamples.Offline(), ScenarioSamples.Server());
        CaseResult without = Case(null, null) with { Scenarios = null };

        CaseComparison result = Compare(without, with);

        Assert.False(result.OfflineThroughput!.Compared);
        Assert.Equal("not compared: the baseline run has no offline scenario for this case (run --scenario offline)", result.OfflineThroughput.Note);
        Assert.Equal("not compared: the baseline run has no server scenario for this case (run --scenario server)", result.ServerMaxRate!.Note);
        Assert.Equal([Verdict.Same], result.AllVerdicts);

        CaseResult failed = RegressionData.Failed("b0", "out of memory");
        Assert.Equal("not compared: the current case failed: out of memory", Compare(with, failed).ServerMaxRate!.Note);

        CaseComparison neither = Compare(Case(null, null), Case(null, null));
        Assert.Null(neither.OfflineThroughput);
        Assert.Null(neither.ServerMaxRate);
    }

    [Fact]
    public void Compare_counts_a_slower_throughput_as_slower_and_reports_it_in_every_format()
    {
        BenchmarkResults before = RegressionData.Run("r1", RegressionData.Day1, [Case(ScenarioSamples.Offline(), ScenarioSamples.Server())]);
        BenchmarkResults after = RegressionData.Run("r2", RegressionData.Day1.AddHours(1), [Case(ScenarioSamples.Offline(0.7, seed: 11), null)]);

        Comparison comparison = RegressionComparer.Compare(before, after, Defaults);

        CaseComparison only = Assert.Single(comparison.Cases);
        Assert.Equal(Verdict.Same, only.Verdict);
        Assert.True(comparison.AnySlower);
        Assert.Equal([Verdict.Same, Verdict.Slower], comparison.Verdicts);
        Assert.Equal(1, comparison.CountScenarios(Verdict.Slower));

        string markdown = ComparisonReport.Markdown(comparison);
        Assert.Contains("### Serving scenarios", markdown);
        Assert.Contains("**1 slower, 0 faster, 0 same, 0 inconclusive** of 1 serving figure compared; 1 not compared.", markdown);
        Assert.Matches(@"\| b0-r224/cpu/b1/tdefault \| offline images/s \| c2, b8 \| 17\d\.\d \| 1[12]\d\.\d \| -[23]\d\.\d % \| \*\*slower\*\* \|", markdown);
        Assert.Contains("| b0-r224/cpu/b1/tdefault | server max rate (requests/s) | p99 ≤ 30 ms | 100 | - |  | not compared: the current run has no server scenario for this case (run --scenario server) |", markdown);

        string csv = ComparisonReport.Csv(comparison);
        Assert.Contains(",slower,,,p99 ≤ 30 ms,100,,,not_compared,,not compared: the current run has no server scenario for this case (run --scenario server)\r\n", csv);
        Assert.Contains("\"c2, b8\",", csv);

        string json = ComparisonReport.Json(comparison);
        Assert.Contains("\"offline_throughput\": {", json);
        Assert.Contains("\"metric\": \"server_max_rate\"", json);
        Assert.Contains("\"compared\": false", json);
    }

    [Fact]
    public void Ab_pairs_carry_the_serving_verdicts_and_the_report_counts_them()
    {
        CaseResult baseline = Case(ScenarioSamples.Offline(), ScenarioSamples.Server()) with { Id = "baseline/b0-r224/cpu/b1/tdefault", Arm = AbSettings.BaselineArm };
        CaseResult candidate = Case(ScenarioSamples.Offline(1.3, seed: 11), ScenarioSamples.Server(1.5)) with { Id = "candidate/b0-r224/cpu/b1/tdefault", Arm = AbSettings.CandidateArm };
        BenchmarkResults run = RegressionData.Run("ab", RegressionData.Day1, [baseline, candidate]) is var r
            ? r with { Settings = r.Settings with { Ab = new AbSettings(["b0"], ["b0"], null, null) } }
            : null!;

        AbReport report = AbComparer.Compare(run, 2, "/runs/ab", Defaults);

        AbPair pair = Assert.Single(report.Pairs);
        Assert.Equal(Verdict.Same, pair.Verdict);
        Assert.Equal((Verdict.Faster, Verdict.Faster), (pair.OfflineThroughput!.Verdict!.Value, pair.ServerMaxRate!.Verdict!.Value));
        Assert.Equal([Verdict.Same, Verdict.Faster, Verdict.Faster], report.Verdicts);
        string markdown = AbReportWriter.Markdown(report);
        Assert.Contains("**0 slower, 2 faster, 0 same, 0 inconclusive** of 2 serving figures compared.", markdown);
        Assert.Contains("| pair 1 | server max rate (requests/s) | p99 ≤ 30 ms | 100 | 150 | +50.0 % | faster |", markdown);
        Assert.Contains("\"server_max_rate\": {", AbReportWriter.ToJson(report));
    }

    [Fact]
    public void Serving_verdict_text_is_the_same_under_a_decimal_comma_culture()
    {
        BenchmarkResults before = RegressionData.Run("r1", RegressionData.Day1, [Case(ScenarioSamples.Offline(), Bracket(100.5, 104.5))]);
        BenchmarkResults after = RegressionData.Run("r2", RegressionData.Day1.AddHours(1), [Case(ScenarioSamples.Offline(0.7, seed: 11), Bracket(106.5, 110.5))]);
        Comparison comparison = RegressionComparer.Compare(before, after, Defaults);
        string markdown = ComparisonReport.Markdown(comparison), csv = ComparisonReport.Csv(comparison);

        using (new CultureScope("de-DE"))
        {
            Comparison again = RegressionComparer.Compare(before, after, Defaults);
            Assert.Equal(markdown, ComparisonReport.Markdown(again));
            Assert.Equal(csv, ComparisonReport.Csv(again));
        }

        Assert.Contains("(baseline [100.5, 104.5), current [106.5, 110.5) requests/s)", markdown);
        Assert.Contains("| 100.5 | 106.5 | +6.0 % |", markdown);
    }
}
