using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;
using static EffNetBench.Tests.Reporting.Leaderboards.LeaderboardSamples;

namespace EffNetBench.Tests.Reporting.Leaderboards;

public sealed class ParetoTests
{
    /// <summary>
    /// By hand (cpu, default threads):
    ///   a: 76 % at 10 ms, 1 GFLOP    frontier
    ///   b: 78 % at 20 ms, 2 GFLOPs   frontier
    ///   c: 77 % at 25 ms, 3 GFLOPs   dominated by b (more accurate and faster)
    ///   d: 80 % at 50 ms, 5 GFLOPs   frontier
    ///   e: 80 % at 60 ms, 6 GFLOPs   dominated by d (as accurate, faster)
    ///   f: no accuracy at 5 ms       never on the frontier
    ///   g: 70 % at 100 ms, 4 threads alone in its group, so on its own frontier
    /// Marginal costs along a, b, d (sorted by latency):
    ///   b over a: (2 - 1) GFLOPs / (78 - 76) = 0.5 GFLOPs per point, (20 - 10) ms / 2 = 5 ms per point
    ///   d over b: (5 - 2) / (80 - 78) = 1.5 GFLOPs per point, (50 - 20) / 2 = 15 ms per point
    /// </summary>
    [Fact]
    public void Flags_the_frontier_per_group_and_prices_each_step()
    {
        Leaderboard board = LeaderboardBuilder.Build([Run("r1", Epyc,
            Ok(FileModel("a", 224, 1_000_000_000), 10), Ok(FileModel("b", 224, 2_000_000_000), 20), Ok(FileModel("c", 224, 3_000_000_000), 25),
            Ok(FileModel("d", 224, 5_000_000_000), 50), Ok(FileModel("e", 224, 6_000_000_000), 60), Ok(FileModel("f", 224, 500_000_000), 5),
            Ok(FileModel("g", 224, 4_000_000_000), 100, threads: 4))],
            Measured(("a", 0.76), ("b", 0.78), ("c", 0.77), ("d", 0.80), ("e", 0.80), ("g", 0.70)),
            new LeaderboardOptions(RankBy.Latency));

        Dictionary<string, LeaderboardRow> rows = board.Rows.ToDictionary(r => r.Model);
        Assert.Equal(["a", "b", "d", "g"], board.Rows.Where(r => r.Pareto).Select(r => r.Model).Order());
        Assert.Null(rows["a"].MarginalGflopsPerPoint);
        Assert.Null(rows["a"].MarginalMsPerImagePerPoint);
        Assert.Equal(0.5, rows["b"].MarginalGflopsPerPoint!.Value, 9);
        Assert.Equal(5, rows["b"].MarginalMsPerImagePerPoint!.Value, 9);
        Assert.Equal(1.5, rows["d"].MarginalGflopsPerPoint!.Value, 9);
        Assert.Equal(15, rows["d"].MarginalMsPerImagePerPoint!.Value, 9);
        Assert.Null(rows["g"].MarginalMsPerImagePerPoint);
        Assert.All(new[] { "c", "e", "f" }, m => Assert.Null(rows[m].MarginalMsPerImagePerPoint));

        // Ranked by latency within each group; the thread group comes second, in first-seen order.
        Assert.Equal(["f", "a", "b", "c", "d", "e", "g"], board.Rows.Select(r => r.Model));
        Assert.Contains("| b@224 | 78.0 | 20.00 | 2.00 | +2.0 | 5.00 | 0.500 |", LeaderboardWriter.Markdown(board));
    }

    /// <summary>
    /// At batch 8, a: 76 % at 80 ms (10 ms per image), b: 78 % at 160 ms (20 ms per image). GFLOPs are per image, so the
    /// latency beside them is too: b costs (20 - 10) / 2 = 5 ms per image per extra point, not (160 - 80) / 2 = 40.
    /// </summary>
    [Fact]
    public void At_batch_above_one_costs_are_per_image()
    {
        Leaderboard board = LeaderboardBuilder.Build([Run("r1", Epyc,
            Ok(FileModel("a", 224, 1_000_000_000), 80, batch: 8), Ok(FileModel("b", 224, 2_000_000_000), 160, batch: 8))],
            Measured(("a", 0.76), ("b", 0.78)), new LeaderboardOptions());

        Dictionary<string, LeaderboardRow> rows = board.Rows.ToDictionary(r => r.Model);
        Assert.Equal((10, 20), (rows["a"].MsPerImage!.Value, rows["b"].MsPerImage!.Value));
        Assert.Equal(2, rows["b"].MarginalTop1!.Value, 9);
        Assert.Equal(5, rows["b"].MarginalMsPerImagePerPoint!.Value, 9);
        Assert.Equal(0.5, rows["b"].MarginalGflopsPerPoint!.Value, 9);
        Assert.Equal(160 / 78.0, rows["b"].MsPerTop1Point!.Value, 9); // the average keeps its meaning: the batch's ms
        Assert.Contains("| b@224 | 78.0 | 20.00 | 2.00 | +2.0 | 5.00 | 0.500 |", LeaderboardWriter.Markdown(board));
        Assert.Contains("## cpu on AMD EPYC (2 cores), batch 8, threads default", LeaderboardWriter.Markdown(board));
    }

    [Theory]
    [InlineData(RankBy.Top1, "d,e,b,c,a")]
    [InlineData(RankBy.Throughput, "a,b,c,d,e")]
    [InlineData(RankBy.GflopsPerPoint, "a,b,c,d,e")]
    [InlineData(RankBy.MsPerPoint, "a,b,c,d,e")]
    public void Rank_by_orders_rows_best_first(RankBy rankBy, string expected)
    {
        Leaderboard board = LeaderboardBuilder.Build([Run("r1", Epyc,
            Ok(FileModel("e", 224, 6_000_000_000), 60), Ok(FileModel("c", 224, 3_000_000_000), 25), Ok(FileModel("a", 224, 1_000_000_000), 10),
            Ok(FileModel("d", 224, 5_000_000_000), 50), Ok(FileModel("b", 224, 2_000_000_000), 20))],
            Measured(("a", 0.76), ("b", 0.78), ("c", 0.77), ("d", 0.80), ("e", 0.80)),
            new LeaderboardOptions(rankBy));

        Assert.Equal(expected, string.Join(",", board.Rows.Select(r => r.Model)));
    }

    [Fact]
    public void Rank_by_names_parse_and_reject()
    {
        Assert.True(RankByNames.TryParse("gflops-per-point", out RankBy rankBy));
        Assert.Equal(RankBy.GflopsPerPoint, rankBy);
        Assert.True(RankByNames.TryParse("MS_PER_POINT", out rankBy));
        Assert.Equal(RankBy.MsPerPoint, rankBy);
        Assert.False(RankByNames.TryParse("speed", out _));
        Assert.All(RankByNames.All, n => Assert.Equal(n, RankByNames.Name(RankByNames.TryParse(n, out RankBy r) ? r : throw new InvalidOperationException(n))));
    }

    internal static AccuracyTable Measured(params (string Model, double Top1)[] figures) =>
        AccuracyTable.Create(figures.Select(f => new AccuracyEntry(f.Model, null, f.Top1 * 100, null, "measured:eval.json", AccuracyKind.Measured)));

    /// <summary>
    /// a: 77 % at 10.00 ms, b: 77 % at 10.05 ms (CI half-widths 0.05 ms each: the intervals overlap), c: 77 % at 12 ms.
    /// On the point estimates a dominates b; within the CIs neither is faster, so both stay on the frontier, tied, while c,
    /// clearly slower, is dropped.
    /// </summary>
    [Fact]
    public void A_latency_difference_within_the_confidence_intervals_is_a_tie_not_a_drop()
    {
        Leaderboard board = LeaderboardBuilder.Build([Run("r1", Epyc,
            Ok(FileModel("a", 224, 1_000_000_000), 10), Ok(FileModel("b", 224, 1_000_000_000), 10.05), Ok(FileModel("c", 224, 1_000_000_000), 12))],
            Measured(("a", 0.77), ("b", 0.77), ("c", 0.77)), new LeaderboardOptions());

        Dictionary<string, LeaderboardRow> rows = board.Rows.ToDictionary(r => r.Model);
        Assert.Equal((true, "b@224"), (rows["a"].Pareto, rows["a"].TiedWith));
        Assert.Equal((true, "a@224"), (rows["b"].Pareto, rows["b"].TiedWith));
        Assert.Equal((false, (string?)null), (rows["c"].Pareto, rows["c"].TiedWith));
        Assert.Contains("| yes (tied with b@224) |", LeaderboardWriter.Markdown(board));
        Assert.Contains(",0.05,true,a@224,,,,,,,,,,,,,fp32\r\n", LeaderboardWriter.Csv(board));
        Assert.Contains("\"tied_with\": \"a@224\"", LeaderboardWriter.Json(board));
    }

    [Fact]
    public void A_case_that_missed_its_precision_target_is_marked_in_every_format()
    {
        Leaderboard board = LeaderboardBuilder.Build([Run("r1", Epyc, Ok(FileModel("a", 224, 1_000_000_000), 10, precisionMet: false))],
            Measured(("a", 0.77)), new LeaderboardOptions());

        Assert.False(Assert.Single(board.Rows).PrecisionTargetMet);
        Assert.Contains("| 10.00 \u2020 |", LeaderboardWriter.Markdown(board));
        Assert.EndsWith(",0.05,false,,,,,,,,,,,,,,fp32\r\n", LeaderboardWriter.Csv(board));
        Assert.Contains("\"precision_target_met\": false", LeaderboardWriter.Json(board));
    }
}
