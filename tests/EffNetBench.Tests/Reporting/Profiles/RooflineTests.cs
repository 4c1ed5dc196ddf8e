using EffNetBench.Core.Reporting.Profiles;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Reporting.Leaderboards;

namespace EffNetBench.Tests.Reporting.Profiles;

/// <summary>The roofline against hand-computed values: peaks 100 GFLOP/s and 10 GB/s, so the ridge is at 10 FLOP/byte.</summary>
public sealed class RooflineTests
{
    private static readonly MachinePeaks Peaks = ProfileFixtures.Peaks();

    [Theory]
    [InlineData(0.5, 5)] // 0.5 FLOP/byte x 10 GB/s
    [InlineData(2, 20)]
    [InlineData(10, 100)] // the ridge: both roofs meet
    [InlineData(100, 100)] // compute-bound: capped at the peak
    public void Attainable_is_the_lower_of_the_two_roofs(double intensity, double attainable)
    {
        Assert.Equal(attainable, Peaks.AttainableGflops(intensity), 9);
        Assert.Equal(10, Peaks.RidgeIntensity, 9);
    }

    [Fact]
    public void A_memory_bound_group_reaches_its_achieved_over_the_bandwidth_roof()
    {
        // 2e9 FLOPs over 1e9 bytes = 2 FLOP/byte -> attainable 20 GFLOP/s; 2e9 FLOPs in 200 ms = 10 GFLOP/s -> half of it.
        var group = new ProfileGroup("conv-depthwise", 3, 200, 0.5, 2e9, 0.1, 1e9);

        RooflinePoint point = Roofline.Point(group, Peaks)!;

        Assert.Equal(2, point.Intensity, 9);
        Assert.Equal(20, point.AttainableGflops, 9);
        Assert.Equal(10, point.AchievedGflops, 9);
        Assert.Equal(0.5, point.ShareOfAttainable, 9);
        Assert.True(point.MemoryBound(Peaks.RidgeIntensity));
    }

    [Fact]
    public void A_compute_bound_group_is_measured_against_the_compute_peak()
    {
        // 1e9 / 1e7 = 100 FLOP/byte, above the ridge -> 100 GFLOP/s attainable; 1e9 FLOPs in 20 ms = 50 GFLOP/s.
        RooflinePoint point = Roofline.Point(new ProfileGroup("conv-pointwise", 1, 20, 0.1, 1e9, 0.5, 1e7), Peaks)!;

        Assert.Equal(100, point.AttainableGflops, 9);
        Assert.Equal(0.5, point.ShareOfAttainable, 9);
        Assert.False(point.MemoryBound(Peaks.RidgeIntensity));
    }

    [Fact]
    public void The_whole_case_is_its_kinds_flops_and_bytes_over_its_measured_median()
    {
        // Kinds: 2e9 + 1e9 FLOPs, 1e9 + 1e7 bytes -> 2.970297 FLOP/byte, attainable 29.70297 GFLOP/s;
        // 3e9 FLOPs over the 300 ms median (not the 220 ms of node time) = 10 GFLOP/s -> 0.336667.
        ProfileSummary profile = new(10, null, 220, 300, [], [new("conv-depthwise", 3, 200, 0.9, 2e9, 0.67, 1e9), new("conv-pointwise", 1, 20, 0.1, 1e9, 0.33, 1e7)],
            [], [], false, []);

        RooflinePoint whole = Roofline.Case("b0", profile, Peaks)!;

        Assert.Equal(2.970297, whole.Intensity, 6);
        Assert.Equal(10, whole.AchievedGflops, 9);
        Assert.Equal(29.70297, whole.AttainableGflops, 5);
        Assert.Equal(0.336667, whole.ShareOfAttainable, 6);
    }

    [Fact]
    public void A_group_without_flops_bytes_or_time_is_not_a_point()
    {
        Assert.Null(Roofline.Point(new ProfileGroup("Reshape", 2, 0.1, 0.01, 0, 0, 1000), Peaks));
        Assert.Null(Roofline.Point(new ProfileGroup("Gemm", 1, 0.1, 0.01, 1000, 0.1, 0), Peaks));
        Assert.Null(Roofline.Point(new ProfileGroup("Gemm", 1, 0, 0, 1000, 0.1, 100), Peaks));
    }

    [Fact]
    public void A_case_takes_the_peaks_of_its_own_provider_and_threads()
    {
        CaseResult c = ProfileFixtures.Profiled(LeaderboardSamples.B0, 10, ProfileFixtures.Variant(1, 4, 10), threads: 2);
        BenchmarkResults run = LeaderboardSamples.Run("r", LeaderboardSamples.Epyc, c) with
        {
            Peaks = [ProfileFixtures.Peaks(threads: null), ProfileFixtures.Peaks(threads: 2) with { ComputeGflops = 50 }, ProfileFixtures.Peaks("cuda", 2)],
        };

        Assert.Equal(50, Roofline.PeaksFor(run, c)!.ComputeGflops);
        Assert.Null(Roofline.PeaksFor(run with { Peaks = [ProfileFixtures.Peaks(threads: 1)] }, c));
        Assert.Null(Roofline.PeaksFor(run with { Peaks = null }, c));
    }
}
