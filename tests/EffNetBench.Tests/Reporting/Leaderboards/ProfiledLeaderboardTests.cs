using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Reporting.Profiles;

namespace EffNetBench.Tests.Reporting.Leaderboards;

/// <summary>The leaderboard's share of attainable compute and CPU-fallback flag for profiled cases.</summary>
public sealed class ProfiledLeaderboardTests
{
    [Fact]
    public void A_profiled_case_with_peaks_shows_its_share_of_attainable_in_every_format()
    {
        Leaderboard board = LeaderboardBuilder.Build([ProfileFixtures.Series()], AccuracyTable.Load(null), new LeaderboardOptions());

        // b0, memory-bound: achieved / attainable = (F / T) / (F / B x BW) = B / (T x BW) = 27.32e6 / (0.01 s x 10e9 B/s) = 0.2732.
        LeaderboardRow b0 = board.Rows.Single(r => r.Model == "b0");
        Assert.Equal(0.2732, b0.ShareOfAttainable!.Value, 9);
        Assert.False(b0.CpuFallback);
        Assert.Contains("## Profiled cases: share of attainable compute", LeaderboardWriter.Markdown(board));
        Assert.Contains("| b0@224 | cpu | AMD EPYC (2 cores) | 1 | default | 27.3% | no |", LeaderboardWriter.Markdown(board));
        Assert.Contains(",0.05,true,,,,,,,,,,,,0.2732,false,fp32\r\n", LeaderboardWriter.Csv(board));
        Assert.Matches("\"share_of_attainable\": 0\\.2732", LeaderboardWriter.Json(board));
    }

    [Fact]
    public void Without_peaks_the_share_is_unknown_and_an_unprofiled_board_has_no_section()
    {
        Leaderboard noPeaks = LeaderboardBuilder.Build([ProfileFixtures.Series(peaks: false)], AccuracyTable.Load(null), new LeaderboardOptions());
        Leaderboard plain = LeaderboardBuilder.Build([LeaderboardSamples.Example()], AccuracyTable.Load(null), new LeaderboardOptions());

        Assert.All(noPeaks.Rows, r => Assert.Null(r.ShareOfAttainable));
        Assert.Contains("| b0@224 | cpu | AMD EPYC (2 cores) | 1 | default |  | no |", LeaderboardWriter.Markdown(noPeaks));
        Assert.DoesNotContain("share of attainable", LeaderboardWriter.Markdown(plain));
    }

    [Fact]
    public void A_gpu_case_with_cpu_fallback_is_flagged_in_the_note_and_the_columns()
    {
        ProfileSummary profile = ProfileFixtures.Summary(5, 10,
            ProfileFixtures.Node("conv", "conv", null, 3000, 1e9, 1_000_000, ProfileFixtures.Cuda),
            ProfileFixtures.Node("nms", "NonMaxSuppression", null, 1000, null, null, ProfileFixtures.Cpu, matched: false)) with { CpuFallback = true };
        BenchmarkResults run = LeaderboardSamples.Run("gpu", LeaderboardSamples.Epyc, ProfileFixtures.Profiled(LeaderboardSamples.B0, 5, profile, provider: "cuda"));

        Leaderboard board = LeaderboardBuilder.Build([run], AccuracyTable.Load(null), new LeaderboardOptions());

        LeaderboardRow row = Assert.Single(board.Rows);
        Assert.True(row.CpuFallback);
        Assert.Contains("CPU fallback: 1 nodes (25.0% of node time) ran on the CPU provider", row.Note);
        Assert.Contains("|  | yes |", LeaderboardWriter.Markdown(board));
        Assert.EndsWith(",,true,fp32\r\n", LeaderboardWriter.Csv(board));
    }
}
