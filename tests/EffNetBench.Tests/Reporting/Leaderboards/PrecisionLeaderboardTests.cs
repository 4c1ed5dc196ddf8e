using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;
using static EffNetBench.Tests.Reporting.Leaderboards.LeaderboardSamples;

namespace EffNetBench.Tests.Reporting.Leaderboards;

/// <summary>Precision as a leaderboard axis: its column, the frontier across precisions, and the accuracy cost per speed-up.</summary>
public sealed class PrecisionLeaderboardTests
{
    // b0 fp32 7.5 ms, b0 int8 5 ms, b1 fp32 13 ms, all cpu batch 1 on one machine.
    private static BenchmarkResults Example()
    {
        ModelInfo b0Int8 = B0 with { Precision = "int8" };
        CaseResult int8 = Ok(b0Int8, 5) with { Id = CaseId.For("b0", 224, "cpu", 1, null, precision: "int8"), Conversion = new ConversionSummary("int8", "ab", 10, 2, [], "min-max over 100 synthetic inputs", true, 1, null) };
        return Run("r1", Epyc, Ok(B0, 7.5), int8, Ok(B1, 13));
    }

    // One eval --precision fp32,int8 of b0: fp32 77.0 %, int8 76.0 % (fractions in the file).
    private const string EvalJson = """
        {"model": "b0", "top1": 0.77, "resolution": 224,
         "precisions": [{"precision": "fp32", "top1": 0.77, "images": 100}, {"precision": "int8", "top1": 0.76, "images": 100}]}
        """;

    [Fact]
    public void A_published_figure_is_never_used_for_a_converted_model()
    {
        Leaderboard board = LeaderboardBuilder.Build([Example()], AccuracyTable.Load(null), new LeaderboardOptions());

        // Both b0 cases are rows (never "measured twice"); the int8 one has no top-1, and says why.
        Assert.Equal([("b0", "int8"), ("b0", "fp32"), ("b1", "fp32")], board.Rows.Select(r => (r.Model, r.Precision)));
        LeaderboardRow int8 = board.Rows[0];
        Assert.Null(int8.Top1);
        Assert.False(int8.Pareto);
        Assert.StartsWith("not measured: no int8 accuracy of b0 was given, and a published or fp32 figure is never reused for a converted model", int8.Note, StringComparison.Ordinal);
        Assert.Contains("int8 calibrated on synthetic inputs (no calibration images)", int8.Note, StringComparison.Ordinal);
        Assert.Equal(77.1, board.Rows[1].Top1);

        string markdown = LeaderboardWriter.Markdown(board);
        Assert.Contains("| # | model | precision | res |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 1 | b0 | int8 | 224 |", markdown, StringComparison.Ordinal);
        string[] csv = LeaderboardWriter.Csv(board).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",precision", csv[0], StringComparison.Ordinal);
        Assert.Equal(["int8", "fp32", "fp32"], csv.Skip(1).Select(line => line.Split(',')[^1]));

        // The cost table has the speed-up (7.5 / 5 = 1.50x) but no top-1 lost: the int8 top-1 is not measured.
        PrecisionCost cost = Assert.Single(board.PrecisionCosts);
        Assert.Equal((1.5, 2.5, (double?)null, (double?)null), (cost.SpeedUp!.Value, cost.MsPerImageGained!.Value, cost.Top1Lost, cost.Top1));
        Assert.Contains("| b0@224 | int8 | cpu | AMD EPYC (2 cores) | 1 | default | 7.50 | 5.00 | 1.50x |  | not measured |  |  | top-1 not measured in int8: give an eval.json of eval --precision fp32,int8 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Measured_accuracy_per_precision_puts_int8_on_the_frontier_and_prices_its_speed_up()
    {
        string path = Path.Combine(Path.GetTempPath(), $"effnet-bench-prec-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, EvalJson);
        try
        {
            Leaderboard board = LeaderboardBuilder.Build([Example()], AccuracyTable.Load([path]), new LeaderboardOptions());
            Dictionary<string, LeaderboardRow> rows = board.Rows.ToDictionary(r => r.Model + " " + r.Precision);

            Assert.Equal((76.0, 77.0), (rows["b0 int8"].Top1!.Value, rows["b0 fp32"].Top1!.Value), new ToleranceComparer());

            // Frontier across precisions: b0 int8 (76 %, 5 ms), b0 fp32 (77 %, 7.5 ms), b1 fp32 (paper 79.1 %, 13 ms).
            Assert.True(rows["b0 int8"].Pareto && rows["b0 fp32"].Pareto && rows["b1 fp32"].Pareto);

            // b0 fp32 over b0 int8 on the frontier: +1 point for (7.5 - 5) = 2.5 ms per image per point.
            Assert.Equal(2.5, rows["b0 fp32"].MarginalMsPerImagePerPoint!.Value, 9);

            // Cost of int8: 1.50x faster, 2.5 ms per image gained, 77 - 76 = 1 point lost, 1 / 2.5 = 0.4 points per ms.
            PrecisionCost cost = Assert.Single(board.PrecisionCosts);
            Assert.Equal(1.5, cost.SpeedUp!.Value, 9);
            Assert.Equal(1.0, cost.Top1Lost!.Value, 9);
            Assert.Equal(0.4, cost.Top1LostPerMsGained!.Value, 9);
            Assert.False(cost.LatencyTied);
            Assert.Null(cost.Note);
            Assert.Contains("| b0@224 | int8 | cpu | AMD EPYC (2 cores) | 1 | default | 7.50 | 5.00 | 1.50x | 77.0 | 76.0 | +1.0 | 0.40 |  |", LeaderboardWriter.Markdown(board), StringComparison.Ordinal);
            Assert.Contains("\"precision_costs\": [", LeaderboardWriter.Json(board), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Across_hardware_a_converted_model_is_compared_only_with_itself()
    {
        ModelInfo b0Int8 = B0 with { Precision = "int8" };
        BenchmarkResults epyc = Run("r1", Epyc, Ok(B0, 8), Ok(b0Int8, 4));
        BenchmarkResults m2 = Run("r2", Machine("Apple M2", 8, "mac"), Ok(B0, 4));

        Leaderboard board = LeaderboardBuilder.Build([epyc, m2], AccuracyTable.Load(null), new LeaderboardOptions());

        // b0 fp32 on both machines: 8 / 4 = 2x; the int8 case ran on one machine only, so it has no comparison.
        Assert.Equal([("fp32", "AMD EPYC (2 cores)", 1.0), ("fp32", "Apple M2 (8 cores)", 2.0)],
            board.Hardware.Select(h => (h.Precision, h.Hardware, h.SpeedUp!.Value)));
    }

    [Fact]
    public void Compare_keeps_an_int8_case_apart_from_its_fp32_case()
    {
        Assert.NotEqual(Core.Regression.CaseKey.From(Ok(B0, 5)).Id, Core.Regression.CaseKey.From(Ok(B0 with { Precision = "int8" }, 5)).Id);
        Assert.Equal("b0-r224/cpu/b1/tdefault", Core.Regression.CaseKey.From(Ok(B0, 5)).Id);
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9;

        public int GetHashCode((double, double) obj) => 0;
    }
}
