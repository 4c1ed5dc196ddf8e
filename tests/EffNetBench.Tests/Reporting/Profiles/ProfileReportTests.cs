using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Profiles;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Reporting.Leaderboards;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Reporting.Profiles;

/// <summary>profile.md of the B0-B3 fixture, and the messages for runs that cannot be profiled.</summary>
public sealed class ProfileReportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ProfileDocument Document(BenchmarkResults run) =>
        new([.. ProfiledCase.Of(run)], ScalingAnalysis.Series(ProfiledCase.Of(run), AccuracyTable.Load(null)), []);

    [Fact]
    public void The_markdown_has_the_peaks_each_case_against_the_roofline_and_the_scaling_verdict()
    {
        using var culture = new CultureScope("de-DE");
        string md = ProfileMarkdown.Render(Document(ProfileFixtures.Series()));

        Assert.Contains("| cpu | default | AMD EPYC | 1.31.1 | 100.0 | 10.0 | 12.0 | 10.0 | 2026-01-05 10:00 |", md);
        Assert.Contains("Method: fixture peaks", md);

        // b0: node times 0.4 + 4 + 1.5 + 0.3 + 0.25 + 0.05 + 0.1 = 6.6 ms of the 10 ms median.
        Assert.Contains("Node time 6.60 ms vs measured median 10.00 ms: runtime overhead between nodes 3.40 ms (34.0%).", md);

        // 133.6e6 FLOPs, 27.32e6 bytes -> 4.89 FLOP/byte, attainable 48.9; 133.6e6 / 10 ms = 13.36 GFLOP/s -> 27.3 %.
        Assert.Contains("Whole case: 13.36 GFLOP/s at 4.89 FLOP/byte, 27.3% of the attainable 48.9 GFLOP/s (memory roof).", md);

        // Depthwise: 4 of 6.6 ms, 36 of 133.6 MFLOPs, 36e6 / 12e6 = 3 FLOP/byte -> attainable 30, achieved 9 -> 30 %.
        Assert.Contains("| conv-depthwise | 1 | 4.00 | 60.6% | 26.9% | 9.00 | 3.00 | 30.0 | 30.0% | memory |", md);
        Assert.Contains("| stage2 | 4 |", md);
        Assert.Contains("| CPUExecutionProvider | 7 | 6.60 | 100.0% |", md);

        // b2 -> b3: FLOPs 3.7e9 / 2037347142 = 1.82x, latency 30 / 17 = 1.76x, +13 ms for +1.5 points.
        Assert.Contains("| b2@260 -> b3@300 | 1.82x | 1.76x | 13.00 | +1.5 | paper | 8.67 | conv-depthwise 76%, conv-pointwise 15%, conv 4% |", md);
        Assert.Contains("scaling stops paying at b2@260 -> b3@300", md);
        Assert.Contains("| conv-depthwise | 60.6% | 62.6% | 61.9% | 68.2% |", md); // 4/6.6, 6/9.58, 7/11.315, 14/20.52 ms
        Assert.DoesNotContain("CPU fallback", md);
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_refused_in_one_line()
    {
        var e = Assert.Throws<ResultsFormatException>(() => ProfileReportGenerator.Build([_temp.Path], AccuracyTable.Load(null)));

        Assert.Contains("is not a run folder", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void A_run_without_profiles_says_how_to_get_one()
    {
        string dir = ProfileFixtures.Save(LeaderboardSamples.Example(), _temp.File("plain"));

        var e = Assert.Throws<ProfileInputException>(() => ProfileReportGenerator.Build([dir], AccuracyTable.Load(null)));

        Assert.Equal(Core.ErrorKind.Usage, e.Kind);
        Assert.Contains("has no profiled case: measure one with 'effnet-bench run --profile'", e.Message);
    }

    [Fact]
    public void A_run_without_peaks_is_rendered_without_a_roofline_and_says_so()
    {
        string profiled = ProfileFixtures.Save(ProfileFixtures.Series(peaks: false), _temp.File("nopeaks"));
        string plain = ProfileFixtures.Save(LeaderboardSamples.Example(), _temp.File("plain"));

        ProfileDocument doc = ProfileReportGenerator.Build([profiled, plain], AccuracyTable.Load(null));
        string md = ProfileMarkdown.Render(doc);

        Assert.Contains(doc.Notes, n => n.Contains("has no machine peaks, so its cases have no roofline", StringComparison.Ordinal));
        Assert.Contains(doc.Notes, n => n.Contains("plain' has no profiled case", StringComparison.Ordinal));
        Assert.Contains("No machine peaks in these runs, so no roofline", md);
        Assert.DoesNotContain("Whole case:", md);
        Assert.Contains("| conv-depthwise | 1 | 4.00 | 60.6% | 26.9% | 9.00 | 3.00 |  |  |  |", md);
        Assert.Contains("scaling stops paying at b2@260 -> b3@300", ProfileReportGenerator.Summary(doc));
    }

    [Fact]
    public void A_gpu_case_with_nodes_on_the_cpu_is_flagged()
    {
        ProfileSummary profile = ProfileFixtures.Summary(5, 10,
            ProfileFixtures.Node("conv", "conv", null, 3000, 1e9, 1_000_000, ProfileFixtures.Cuda),
            ProfileFixtures.Node("nms", "NonMaxSuppression", null, 1000, null, null, ProfileFixtures.Cpu, matched: false)) with { CpuFallback = true };
        BenchmarkResults run = LeaderboardSamples.Run("gpu", LeaderboardSamples.Epyc, ProfileFixtures.Profiled(LeaderboardSamples.B0, 5, profile, provider: "cuda"));

        string md = ProfileMarkdown.Render(Document(run));

        Assert.Contains("**CPU fallback:**", md);
        Assert.Contains("| CUDAExecutionProvider | 1 | 3.00 | 75.0% |", md);
        Assert.Contains("| CPUExecutionProvider | 1 | 1.00 | 25.0% |", md);
        Assert.Contains("Unmatched nodes (timed, not joined with the analysis, so without FLOPs): 1, 1.00 ms.", md);
        Assert.Contains("CPU FALLBACK", ProfileReportGenerator.Summary(Document(run)));
    }
}
