using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;
using static EffNetBench.Tests.Regression.RegressionData;

namespace EffNetBench.Tests.Regression;

public sealed class RegressionComparerTests
{
    private static readonly CompareOptions Defaults = new();

    private static CaseComparison CompareOne(double[] baseline, double[] current, CompareOptions? options = null)
    {
        Comparison comparison = RegressionComparer.Compare(
            Run("base", Day1, [Case("b0", baseline)]),
            Run("cur", Day1.AddDays(1), [Case("b0", current)]),
            options ?? Defaults);
        return Assert.Single(comparison.Cases);
    }

    [Theory]
    [InlineData(1.00, Verdict.Same)]   // same distribution, other seed
    [InlineData(1.01, Verdict.Same)]   // +1 % is inside the 5 % threshold
    [InlineData(1.25, Verdict.Slower)]
    [InlineData(0.75, Verdict.Faster)]
    public void Known_shifts_of_a_10_ms_latency_get_their_verdict(double factor, Verdict expected)
    {
        double[] baseline = Normal(seed: 1, count: 200, median: 10);
        double[] current = Scaled(Normal(seed: 2, count: 200, median: 10), factor);

        CaseComparison result = CompareOne(baseline, current);

        Assert.Equal(expected, result.Verdict);
        Assert.Null(result.Note);
        Assert.Equal(200, result.BaselineSamples);
        Assert.Equal(200, result.CurrentSamples);
    }

    [Fact]
    public void A_shift_beyond_the_noise_floor_but_inside_the_threshold_is_same()
    {
        // +1 % of 10 ms is 0.1 ms, above the 0.05 ms noise floor: only the threshold test keeps it from being slower.
        CaseComparison result = CompareOne(Normal(1, 400, 10, 0.005), Scaled(Normal(2, 400, 10, 0.005), 1.01));

        Assert.Equal(Verdict.Same, result.ThresholdTest);
        Assert.Equal(Verdict.Slower, result.NoiseTest);
        Assert.Equal(Verdict.Same, result.Verdict);
    }

    [Fact]
    public void A_shift_beyond_the_threshold_but_below_the_noise_floor_is_same()
    {
        // +25 % of 0.01 ms is 2.5 us: real in relative terms, but far below the 0.05 ms floor of timer noise.
        CaseComparison result = CompareOne(Normal(1, 200, 0.01), Scaled(Normal(2, 200, 0.01), 1.25));

        Assert.Equal(Verdict.Slower, result.ThresholdTest);
        Assert.Equal(Verdict.Same, result.NoiseTest);
        Assert.Equal(Verdict.Same, result.Verdict);
    }

    [Fact]
    public void The_same_tiny_shift_is_slower_once_the_noise_floor_is_lowered()
    {
        CaseComparison result = CompareOne(Normal(1, 200, 0.01), Scaled(Normal(2, 200, 0.01), 1.25), new CompareOptions(NoiseMs: 0.0005));

        Assert.Equal(Verdict.Slower, result.Verdict);
    }

    [Theory]
    [InlineData(4, 200)]
    [InlineData(200, 4)]
    public void Fewer_than_five_samples_on_either_side_is_unknown(int baselineCount, int currentCount)
    {
        CaseComparison result = CompareOne(Normal(1, baselineCount, 10), Scaled(Normal(2, currentCount, 10), 1.5));

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("needs at least 5", result.Note);
    }

    [Fact]
    public void Five_samples_are_enough_to_test()
    {
        CaseComparison result = CompareOne(Normal(1, 5, 10), Normal(2, 5, 10));

        Assert.NotEqual(Verdict.Inconclusive, result.Verdict);
    }

    [Fact]
    public void A_case_that_failed_in_the_current_run_is_unknown_with_the_reason()
    {
        Comparison comparison = RegressionComparer.Compare(
            Run("base", Day1, [Case("b0", Normal(1, 50, 10))]),
            Run("cur", Day1.AddDays(1), [Failed("b0", "out of memory")]),
            Defaults);

        CaseComparison result = Assert.Single(comparison.Cases);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Equal("current failed: out of memory", result.Note);
        Assert.Null(result.CurrentMedianMs);
        Assert.Equal(0, result.CurrentSamples);
        Assert.False(comparison.AnySlower);
    }

    [Fact]
    public void Figures_are_the_runs_medians_p99s_and_peak_rss()
    {
        CaseResult before = Case("b0", Normal(1, 100, 10), peakRss: 100 << 20);
        CaseResult after = Case("b0", Normal(2, 100, 20), peakRss: 110 << 20);

        CaseComparison result = Assert.Single(RegressionComparer.Compare(Run("a", Day1, [before]), Run("b", Day1, [after]), Defaults).Cases);

        Assert.Equal(before.LatencyMs!.Median, result.BaselineMedianMs);
        Assert.Equal(after.LatencyMs!.P99, result.CurrentP99Ms);
        Assert.Equal(after.LatencyMs.Median / before.LatencyMs.Median, result.MedianRatio);
        Assert.Equal(10L << 20, result.PeakRssChangeBytes);
        Assert.Equal(Verdict.Slower, result.Verdict);
    }

    [Fact]
    public void Cases_match_on_model_resolution_provider_batch_and_threads_and_the_rest_are_new_or_missing()
    {
        double[] samples = Normal(1, 50, 10);
        BenchmarkResults baseline = Run("base", Day1,
        [
            Case("b0", samples), Case("b0", samples, threads: 2), Case("b0", samples, resolution: 256), Case("b1", samples, resolution: 240),
        ]);
        BenchmarkResults current = Run("cur", Day1.AddDays(1),
        [
            Case("b1", samples, resolution: 240), Case("b0", samples, batch: 8), Case("b0", samples), Case("b0", samples, threads: 2),
        ]);

        Comparison comparison = RegressionComparer.Compare(baseline, current, Defaults);

        Assert.Equal(["b1-r240/cpu/b1/tdefault", "b0-r224/cpu/b1/tdefault", "b0-r224/cpu/b1/t2"], comparison.Cases.Select(c => c.Case.Id));
        Assert.Equal(["b0-r224/cpu/b8/tdefault"], comparison.NewCases.Select(k => k.Id));
        Assert.Equal(["b0-r256/cpu/b1/tdefault"], comparison.MissingCases.Select(k => k.Id));
        Assert.All(comparison.Cases, c => Assert.Equal(Verdict.Same, c.Verdict));
        Assert.False(comparison.AnySlower);
    }

    [Fact]
    public void Ids_are_recomputed_so_a_hand_edited_id_still_matches()
    {
        CaseResult before = Case("b0", Normal(1, 50, 10)) with { Id = "something-else" };

        Comparison comparison = RegressionComparer.Compare(Run("a", Day1, [before]), Run("b", Day1, [Case("B0", Normal(2, 50, 10))]), Defaults);

        Assert.Equal("b0-r224/cpu/b1/tdefault", Assert.Single(comparison.Cases).Case.Id);
    }

    [Fact]
    public void Any_slower_case_makes_the_comparison_slower()
    {
        Comparison comparison = RegressionComparer.Compare(
            Run("a", Day1, [Case("b0", Normal(1, 100, 10)), Case("b1", Normal(3, 100, 20), resolution: 240)]),
            Run("b", Day1, [Case("b0", Normal(2, 100, 7)), Case("b1", Normal(4, 100, 30), resolution: 240)]),
            Defaults);

        Assert.Equal([Verdict.Faster, Verdict.Slower], comparison.Cases.Select(c => c.Verdict));
        Assert.True(comparison.AnySlower);
        Assert.Equal(1, comparison.Count(Verdict.Slower));
    }

    [Fact]
    public void Identical_environments_give_no_warning()
    {
        Comparison comparison = RegressionComparer.Compare(Run("a", Day1, [Case("b0", Normal(1, 9, 10))]), Run("b", Day1, [Case("b0", Normal(2, 9, 10))]), Defaults);

        Assert.Empty(comparison.Warnings);
    }

    [Fact]
    public void Other_hardware_onnx_runtime_or_tool_version_is_a_warning_each()
    {
        BenchmarkResults baseline = Run("a", Day1, [Case("b0", Normal(1, 9, 10))]);
        BenchmarkResults current = Run("b", Day1, [Case("b0", Normal(2, 9, 10))], tool: "0.2.0", onnxRuntime: "1.32.0", cpu: "Other CPU", cores: 8);

        Comparison comparison = RegressionComparer.Compare(baseline, current, Defaults);

        Assert.Equal<string>(
        [
            "CPU differs (baseline: Test CPU @ 3.0GHz; current: Other CPU), so latency changes may come from it rather than from the release",
            "logical core count differs (baseline: 4; current: 8), so latency changes may come from it rather than from the release",
            "ONNX Runtime version differs (baseline: 1.31.1; current: 1.32.0), so latency changes may come from it rather than from the release",
            "effnet-bench version differs (baseline: 0.1.0; current: 0.2.0), so latency changes may come from it rather than from the release",
        ], comparison.Warnings);
    }

    [Fact]
    public void A_repeated_case_is_compared_once_with_a_warning()
    {
        double[] samples = Normal(1, 9, 10);
        Comparison comparison = RegressionComparer.Compare(Run("a", Day1, [Case("b0", samples), Case("b0", samples)]), Run("b", Day1, [Case("b0", samples)]), Defaults);

        Assert.Single(comparison.Cases);
        Assert.Equal<string>(["the baseline run has more than one result for case b0-r224/cpu/b1/tdefault; the first one is compared"], comparison.Warnings);
    }

    [Fact]
    public void Runs_with_nothing_in_common_give_no_cases()
    {
        Comparison comparison = RegressionComparer.Compare(Run("a", Day1, [Case("b0", Normal(1, 9, 10))]), Run("b", Day1, [Case("b3", Normal(2, 9, 10), resolution: 300)]), Defaults);

        Assert.Empty(comparison.Cases);
        Assert.Single(comparison.NewCases);
        Assert.Single(comparison.MissingCases);
    }

    [Theory]
    [InlineData(-0.01, 0.05, 0.01)]
    [InlineData(double.NaN, 0.05, 0.01)]
    [InlineData(0.05, -1, 0.01)]
    [InlineData(0.05, double.PositiveInfinity, 0.01)]
    [InlineData(0.05, 0.05, 0)]
    [InlineData(0.05, 0.05, 1)]
    public void Options_out_of_range_are_rejected(double threshold, double noise, double alpha)
    {
        BenchmarkResults run = Run("a", Day1, [Case("b0", Normal(1, 9, 10))]);

        Assert.Throws<ArgumentOutOfRangeException>(() => RegressionComparer.Compare(run, run, new CompareOptions(threshold, noise, alpha)));
    }
}
