using EffNetBench.Core.Reporting.Plots;

namespace EffNetBench.IntegrationTests.Plots;

public sealed class HistoryPlotsTests : IDisposable
{
    /// <summary>The regression colour, as Skia writes it into the SVG.</summary>
    private const string Red = "#D62728";

    private readonly PlotWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void LatencyHistory_writes_a_png_and_an_svg_with_releases_cases_and_regressions_marked()
    {
        string dir = _workspace.Folder("out");
        IReadOnlyList<string> paths = HistoryPlots.LatencyHistory(PlotSamples.History(), dir);

        (string png, string svg) = PlotAssert.Written(paths, dir, "history");
        PlotAssert.Png(png);

        // 2.2 to 84 ms: a log axis, so the fast case's changes are not flattened.
        string text = PlotAssert.Svg(svg, "Latency per release", "release", "latency (ms), log scale",
            "0.1.0", "0.4.0", "0.6.0", "efficientnet-b0 cpu b1", "efficientnet-b0 cuda b8", "median", "p99", "regression");
        Assert.Contains(Red, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_regressions_nothing_is_red()
    {
        List<HistoryPoint> calm = [.. PlotSamples.History().Select(p => p with { Regression = false })];
        string dir = _workspace.Folder("out");
        (_, string svg) = PlotAssert.Written(HistoryPlots.LatencyHistory(calm, dir), dir, "history");
        string text = File.ReadAllText(svg);
        Assert.DoesNotContain(Red, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("regression", PlotAssert.Texts(text));
    }

    [Fact]
    public void Releases_are_drawn_in_order_whatever_the_input_order_and_the_output_is_deterministic()
    {
        List<HistoryPoint> points = PlotSamples.History();
        IReadOnlyList<string> ordered = HistoryPlots.LatencyHistory(points, _workspace.Folder("a"));
        IReadOnlyList<string> shuffled = HistoryPlots.LatencyHistory([.. points.OrderByDescending(p => p.Order).ThenByDescending(p => p.Case, StringComparer.Ordinal)], _workspace.Folder("b"));

        Assert.Equal(File.ReadAllBytes(ordered[0]), File.ReadAllBytes(shuffled[0]));
        Assert.Equal(File.ReadAllText(ordered[1]), File.ReadAllText(shuffled[1]));

        IReadOnlyList<string> texts = PlotAssert.Texts(File.ReadAllText(ordered[1]));
        int[] at = [.. new[] { "0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0" }.Select(r => texts.ToList().IndexOf(r))];
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order().ToArray(), at);
    }

    [Fact]
    public void Close_latencies_keep_a_linear_axis()
    {
        HistoryPoint[] points = [new("b0", 1, "0.1.0", 5.0, 6.5, false), new("b0", 2, "0.2.0", 5.6, 7.0, true)];
        string dir = _workspace.Folder("out");
        (string png, string svg) = PlotAssert.Written(HistoryPlots.LatencyHistory(points, dir), dir, "history");
        PlotAssert.Png(png);
        PlotAssert.Svg(svg, "latency (ms)", "0.1.0", "0.2.0", "b0");
    }

    [Fact]
    public void NaN_latencies_are_skipped_and_all_NaN_or_empty_input_writes_nothing()
    {
        List<HistoryPoint> points = PlotSamples.History();
        points[1] = points[1] with { P99Ms = double.NaN };
        points[2] = points[2] with { MedianMs = double.NaN, P99Ms = double.NaN };

        string dir = _workspace.Folder("out");
        (string png, string svg) = PlotAssert.Written(HistoryPlots.LatencyHistory(points, dir), dir, "history");
        PlotAssert.Png(png);
        PlotAssert.Svg(svg, "Latency per release", "0.1.0", "0.6.0");

        string none = _workspace.Folder("none");
        Assert.Empty(HistoryPlots.LatencyHistory([new HistoryPoint("b0", 1, "0.1.0", double.NaN, double.NaN, true)], none));
        Assert.Empty(HistoryPlots.LatencyHistory([], none));
        Assert.False(Directory.Exists(none));
    }
}
