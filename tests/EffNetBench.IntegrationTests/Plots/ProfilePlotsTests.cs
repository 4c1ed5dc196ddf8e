using EffNetBench.Core.Reporting.Plots;
using EffNetBench.Core.Reporting.Profiles;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Reporting.Leaderboards;
using EffNetBench.Tests.Reporting.Profiles;

namespace EffNetBench.IntegrationTests.Plots;

public sealed class ProfilePlotsTests : IDisposable
{
    private readonly PlotWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void The_roofline_writes_a_png_and_an_svg_with_the_roof_the_variants_and_the_kinds()
    {
        string dir = _workspace.Folder("out");
        ProfiledCase[] cases = [.. ProfiledCase.Of(ProfileFixtures.Series())];

        (string png, string svg) = PlotAssert.Written(ProfilePlots.Roofline(ProfileFixtures.Peaks(), cases, dir), dir, "roofline");

        PlotAssert.Png(png);
        PlotAssert.Svg(svg, "Roofline (cpu, threads default)", "arithmetic intensity (FLOPs per byte), log scale", "GFLOP/s, log scale",
            "b0@224", "b3@300", "conv-depthwise", "conv-pointwise", "Sigmoid", "Gemm");
    }

    [Fact]
    public void The_time_share_bars_write_a_png_and_an_svg_with_a_bar_per_variant()
    {
        string dir = _workspace.Folder("out");

        (string png, string svg) = PlotAssert.Written(ProfilePlots.TimeShares([.. ProfiledCase.Of(ProfileFixtures.Series())], dir), dir, "time-share-per-kind");

        PlotAssert.Png(png);
        PlotAssert.Svg(svg, "Time share per operator kind", "b0@224", "b1@240", "b2@260", "b3@300", "conv-depthwise", "GlobalAveragePool");
    }

    [Fact]
    public void Beyond_nine_kinds_the_smallest_share_one_other_segment()
    {
        string dir = _workspace.Folder("out");
        ProfiledNode[] nodes = [.. Enumerable.Range(1, 12).Select(i => ProfileFixtures.Node($"n{i}", $"Kind{i:00}", null, 1000 * (13 - i), 1e6, 1_000_000))];
        var run = LeaderboardSamples.Run("many", LeaderboardSamples.Epyc, ProfileFixtures.Profiled(LeaderboardSamples.B0, 100, ProfileFixtures.Summary(100, 10, nodes)));

        (_, string svg) = PlotAssert.Written(ProfilePlots.TimeShares([.. ProfiledCase.Of(run)], dir), dir, "time-share-per-kind");

        string text = PlotAssert.Svg(svg, "Kind01", "Kind08", "other kinds");
        Assert.DoesNotContain("Kind09", PlotAssert.Texts(text));
    }

    [Fact]
    public void Nothing_to_draw_writes_nothing()
    {
        string dir = _workspace.Folder("out");

        Assert.Empty(ProfilePlots.Roofline(ProfileFixtures.Peaks(), [], dir));
        Assert.Empty(ProfilePlots.TimeShares([], dir));
        Assert.False(Directory.Exists(dir));
    }
}
