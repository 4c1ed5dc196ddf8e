using System.Collections.Immutable;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Results;
using static EffNetBench.Tests.Reporting.Leaderboards.LeaderboardSamples;

namespace EffNetBench.Tests.Reporting.Leaderboards;

/// <summary>The serving columns (`run --scenario offline,server`) in the leaderboard and the hardware comparison.</summary>
public sealed class ServingLeaderboardTests
{
    private const string Xeon = "Intel(R) Xeon(R) Gold 6230 (8 cores)";

    /// <summary>An offline result whose best point is exactly <paramref name="bestIps"/> at (c2, b8).</summary>
    private static OfflineResult Offline(double bestIps, double cpuMs = 11.25)
    {
        OfflinePoint best = new(2, 8, bestIps, bestIps * 0.98, bestIps * 1.02, (long)(bestIps * 10), 10, [bestIps, bestIps], cpuMs);
        OfflinePoint other = new(1, 1, bestIps / 2, bestIps * 0.49, bestIps * 0.51, (long)(bestIps * 5), 10, [bestIps / 2, bestIps / 2], 9);
        return new OfflineResult([other, best], best, "95 % CI within 5 %, at most 10 s", null);
    }

    private static ServerResult Server(double? maxRate, double? high, double boundMs = 30) =>
        new(boundMs, "--latency-bound", maxRate, high, 7, [.. new[] { maxRate, high }.OfType<double>().Select(r => new ServerPoint(r, r, 100, 0, 10, 12, r == maxRate ? boundMs - 1 : boundMs + 5, 9.5, r == maxRate))]);

    private static CaseResult Serving(ModelInfo model, double medianMs, OfflineResult? offline, ServerResult? server, double? cpuMs = 4.5) =>
        ScenarioSamples.WithScenarios(Ok(model, medianMs), offline, server, cpuMs);

    [Fact]
    public void Scenario_figures_are_columns_of_the_tables_that_have_them_in_every_format()
    {
        BenchmarkResults run = Run("r1", Epyc,
            Serving(B0, 7.5, Offline(412), Server(100, 120)),
            Serving(B1, 13, Offline(230, cpuMs: 20.5), Server(null, 20), cpuMs: 8.25),
            Ok(B2, 18));
        Leaderboard board = LeaderboardBuilder.Build([run], AccuracyTable.Load(null), new LeaderboardOptions());

        string markdown = LeaderboardWriter.Markdown(board);
        Assert.Contains("| images/s | peak RSS MB | offline images/s (best) | server max rate | CPU ms / image | offline CPU ms / image | Pareto |", markdown);
        Assert.Contains("| 133.3 | 200 | 412 img/s (c2, b8) | 100 /s (p99 ≤ 30 ms) | 4.50 | 11.25 | yes |", markdown);

        // b1's lowest rate already broke the bound: its maximum is below it, never a made-up figure.
        Assert.Contains("| 230 img/s (c2, b8) | < 20 /s (p99 ≤ 30 ms) | 8.25 | 20.50 |", markdown);

        // b2 has no scenario: empty cells, as for any unknown value.
        Assert.Contains("| 3 | b2 | 260 | 9.11 | 2.04 | 80.1 | 18.00 | 19.50 | 18.00 | 55.6 | 200 |  |  |  |  | yes |", markdown);
        Assert.Contains("- **offline images/s (best)**:", markdown);
        Assert.Contains("- **server max rate**:", markdown);
        Assert.Contains("- **CPU ms / image**:", markdown);

        string csv = LeaderboardWriter.Csv(board);
        Assert.Contains(",0.05,true,,412,2,8,11.25,100,120,30,--latency-bound,4.5,off,,,fp32\r\n", csv);
        Assert.Contains(",0.05,true,,230,2,8,20.5,,20,30,--latency-bound,8.25,off,,,fp32\r\n", csv);
        Assert.EndsWith(",0.05,true,,,,,,,,,,,,,,fp32\r\n", csv);

        string json = LeaderboardWriter.Json(board);
        Assert.Contains("\"offline_images_per_second\": 412,", json);
        Assert.Contains("\"server_max_rate\": 100,", json);
        Assert.Contains("\"server_latency_bound_ms\": 30,", json);
        Assert.Contains("\"cpu_ms_per_image\": 4.5,", json);
    }

    [Fact]
    public void A_table_without_scenarios_keeps_its_columns_and_legend()
    {
        Leaderboard board = LeaderboardBuilder.Build([Example()], AccuracyTable.Load(null), new LeaderboardOptions());

        string markdown = LeaderboardWriter.Markdown(board);
        Assert.DoesNotContain("offline images/s", markdown);
        Assert.DoesNotContain("server max rate", markdown);
        Assert.DoesNotContain("CPU ms", markdown);
    }

    [Theory]
    [InlineData("offline-throughput", new[] { "b1", "b0", "b2" })]
    [InlineData("max-rate", new[] { "b2", "b0", "b1" })]
    [InlineData("latency", new[] { "b0", "b1", "b2" })]
    public void Rank_by_offline_throughput_or_max_rate_puts_the_most_first_and_cases_without_last(string rankBy, string[] order)
    {
        Assert.True(RankByNames.TryParse(rankBy, out RankBy parsed));
        Assert.Equal(rankBy, RankByNames.Name(parsed));
        BenchmarkResults run = Run("r1", Epyc,
            Serving(B0, 7.5, Offline(412), Server(100, 120)),
            Serving(B1, 13, Offline(500), null),
            Serving(B2, 18, null, Server(150, 160)));

        Leaderboard board = LeaderboardBuilder.Build([run], AccuracyTable.Load(null), new LeaderboardOptions(parsed));

        Assert.Equal(order, board.Rows.Select(r => r.Model));
    }

    [Fact]
    public void The_hardware_comparison_gives_offline_throughput_and_max_rate_per_machine_and_their_ratios()
    {
        BenchmarkResults onXeon = Run("xeon-run", Machine("Intel(R) Xeon(R) Gold 6230", 8, "xeon"),
            Serving(B0, 5, Offline(400), Server(150, 160)), Serving(B1, 9, Offline(220), Server(80, 90)));
        BenchmarkResults onEpyc = Run("vm-run", Epyc,
            Serving(B0, 10, Offline(100), Server(60, 70)), Serving(B1, 20, Offline(55), Server(30, 35, boundMs: 60)));

        Leaderboard board = LeaderboardBuilder.Build([onXeon, onEpyc], AccuracyTable.Load(null), new LeaderboardOptions());

        HardwareComparison b0 = board.Hardware.Single(h => h.Model == "b0" && !h.Baseline);
        Assert.Equal((100.0, 0.25, 60.0, 0.4), (b0.OfflineImagesPerSecond!.Value, b0.OfflineRatio!.Value, b0.ServerMaxRate!.Value, b0.MaxRateRatio!.Value));
        HardwareComparison b0Base = board.Hardware.Single(h => h.Model == "b0" && h.Baseline);
        Assert.Equal((1.0, 1.0), (b0Base.OfflineRatio!.Value, b0Base.MaxRateRatio!.Value));

        // A rate within 60 ms is not the same measure as one within 30 ms: no ratio, and the note says why.
        HardwareComparison b1 = board.Hardware.Single(h => h.Model == "b1" && !h.Baseline);
        Assert.Equal(0.25, b1.OfflineRatio);
        Assert.Null(b1.MaxRateRatio);
        Assert.Contains("latency bounds differ (60 vs 30 ms): no max-rate ratio", b1.Note);

        string markdown = LeaderboardWriter.Markdown(board);
        Assert.Contains("| speed-up | offline images/s (best) | offline x | server max rate | max rate x | note |", markdown);
        Assert.Contains($"| b0@224 | 1 | {Xeon} | cpu | default | 5.00 | 200.0 | 1.00x (baseline) | 400 img/s (c2, b8) | 1.00x | 150 /s (p99 ≤ 30 ms) | 1.00x |  |", markdown);
        Assert.Contains("| b0@224 | 1 | AMD EPYC (2 cores) | cpu | default | 10.00 | 100.0 | 0.50x | 100 img/s (c2, b8) | 0.25x | 60 /s (p99 ≤ 30 ms) | 0.40x |", markdown);
        Assert.Contains("\"offline_ratio\": 0.25,", LeaderboardWriter.Json(board));
    }

    [Fact]
    public void The_hardware_table_keeps_its_columns_without_scenarios()
    {
        BenchmarkResults onXeon = Run("xeon-run", Machine("Intel(R) Xeon(R) Gold 6230", 8, "xeon"), Ok(B0, 5));
        BenchmarkResults onEpyc = Run("vm-run", Epyc, Ok(B0, 10));

        string markdown = LeaderboardWriter.Markdown(LeaderboardBuilder.Build([onXeon, onEpyc], AccuracyTable.Load(null), new LeaderboardOptions()));

        Assert.Contains("| model | batch | hardware | provider | threads | median ms | images/s | speed-up | note |", markdown);
        Assert.DoesNotContain("Serving ratios", markdown);
    }

    [Fact]
    public void Cases_with_a_server_scenario_are_the_curves_of_the_p99_vs_load_plot_and_in_the_json()
    {
        BenchmarkResults run = Run("r1", Epyc,
            ScenarioSamples.WithScenarios(Ok(B0, 7.5), null, ScenarioSamples.Server()),
            Ok(B1, 13),
            ScenarioSamples.WithScenarios(Ok(B2, 18, batch: 8), null, ScenarioSamples.Server(0.5)));

        Leaderboard board = LeaderboardBuilder.Build([run], AccuracyTable.Load(null), new LeaderboardOptions());

        Assert.Equal([("b0", 1, 100.0), ("b2", 8, 50.0)], board.ServerCurves.Select(c => (c.Model, c.Batch, c.MaxRateWithinBound!.Value)));
        Assert.Equal([20.0, 40, 60, 80, 100, 120], board.ServerCurves[0].Points.Select(p => p.OfferedRate));

        // Two batches: two series, so each curve names its own.
        List<Core.Reporting.Plots.LoadCurve> curves = LeaderboardPlots.LoadCurves(board);
        Assert.Equal(["b0@224, cpu / AMD EPYC (2 cores)", "b2@260, cpu / AMD EPYC (2 cores), batch 8, threads default"], curves.Select(c => c.Label));
        Assert.Equal([(20.0, 12.0), (40, 13), (60, 15), (80, 19), (100, 27), (120, 95)], curves[0].Points.ToArray());
        Assert.Equal((30.0, 100.0), (curves[0].BoundMs, curves[0].MaxRate!.Value));

        string json = LeaderboardWriter.Json(board);
        Assert.Contains("\"server_curves\": [", json);
        Assert.Contains("\"p99_ms\": 95,", json);

        Leaderboard single = LeaderboardBuilder.Build([Run("r2", Epyc, ScenarioSamples.WithScenarios(Ok(B0, 7.5), null, ScenarioSamples.Server()))], AccuracyTable.Load(null), new LeaderboardOptions());
        Assert.Equal("b0@224", Assert.Single(LeaderboardPlots.LoadCurves(single)).Label);
        Assert.Empty(LeaderboardBuilder.Build([Example()], AccuracyTable.Load(null), new LeaderboardOptions()).ServerCurves);
    }

    [Fact]
    public void The_report_writes_the_p99_vs_load_plot_only_when_a_case_ran_the_server_scenario()
    {
        using var dir = new TempFolder();
        Leaderboard serving = LeaderboardBuilder.Build([Run("r1", Epyc, ScenarioSamples.WithScenarios(Ok(B0, 7.5), null, ScenarioSamples.Server()))],
            AccuracyTable.Load(null), new LeaderboardOptions());
        Leaderboard plain = LeaderboardBuilder.Build([Example()], AccuracyTable.Load(null), new LeaderboardOptions());

        IReadOnlyList<string> written = ReportGenerator.Write(serving, dir.File("serving"));
        IReadOnlyList<string> without = ReportGenerator.Write(plain, dir.File("plain"));

        Assert.Equal(["p99-vs-load.png", "p99-vs-load.svg"], written.Select(Path.GetFileName).Where(f => f!.StartsWith("p99", StringComparison.Ordinal)));
        Assert.DoesNotContain(without, p => Path.GetFileName(p).StartsWith("p99", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void Serving_columns_are_the_same_under_a_decimal_comma_culture(string culture)
    {
        BenchmarkResults run = Run("r1", Epyc, Serving(B0, 7.5, Offline(41.25, cpuMs: 11.25), Server(12.5, 15, boundMs: 32.5), cpuMs: 4.75));
        Leaderboard board = LeaderboardBuilder.Build([run], AccuracyTable.Load(null), new LeaderboardOptions());
        string expectedMarkdown = LeaderboardWriter.Markdown(board), expectedCsv = LeaderboardWriter.Csv(board);

        using (new CultureScope(culture))
        {
            Assert.Equal(expectedMarkdown, LeaderboardWriter.Markdown(board));
            Assert.Equal(expectedCsv, LeaderboardWriter.Csv(board));
        }

        Assert.Contains("| 41.3 img/s (c2, b8) | 12.5 /s (p99 ≤ 32.5 ms) | 4.75 | 11.25 |", expectedMarkdown);
        Assert.Contains(",41.25,2,8,11.25,12.5,15,32.5,--latency-bound,4.75,off,,,fp32\r\n", expectedCsv);
    }
}
