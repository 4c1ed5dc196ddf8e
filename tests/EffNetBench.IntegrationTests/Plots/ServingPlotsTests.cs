using EffNetBench.Core.Reporting.Plots;

namespace EffNetBench.IntegrationTests.Plots;

/// <summary>The p99-vs-load plot of the server scenario, rendered for real (ScottPlot, Skia).</summary>
public sealed class ServingPlotsTests : IDisposable
{
    private readonly PlotWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>b0: p99 12..95 ms over 20..120 requests/s, within a 30 ms bound up to 100 /s; b1 saturates earlier.</summary>
    private static LoadCurve[] Curves(double b1Bound = 30) =>
    [
        new("b0@224", 30, 100, [(20, 12), (40, 13), (60, 15), (80, 19), (100, 27), (120, 95)]),
        new("b1@240", b1Bound, 40, [(20, 20), (40, 26), (60, 48), (80, 160)]),
    ];

    [Fact]
    public void P99_vs_load_writes_a_png_and_an_svg_with_the_curves_the_bound_and_the_max_rates()
    {
        string dir = _workspace.Folder("out");

        (string png, string svg) = PlotAssert.Written(ServingPlots.P99VsLoad(Curves(), dir), dir, "p99-vs-load");

        PlotAssert.Png(png);

        // 12 to 160 ms is a ratio above 10 but below 20: a linear axis.
        PlotAssert.Svg(svg, "p99 latency vs offered load", "offered load (requests/s, Poisson arrivals)", "p99 latency (ms)",
            "b0@224", "b1@240", "p99 bound 30 ms", "max rate within the bound", "100 /s", "40 /s");
    }

    [Fact]
    public void Different_bounds_are_drawn_per_curve_and_the_output_is_deterministic()
    {
        IReadOnlyList<string> first = ServingPlots.P99VsLoad(Curves(b1Bound: 60), _workspace.Folder("a"));
        IReadOnlyList<string> reversed = ServingPlots.P99VsLoad([.. Curves(b1Bound: 60).Reverse()], _workspace.Folder("b"));

        string text = PlotAssert.Svg(first[1], "dashed: that model's p99 bound", "b0@224", "b1@240");
        Assert.DoesNotContain("p99 bound 30 ms", PlotAssert.Texts(text));
        Assert.Equal(File.ReadAllBytes(first[0]), File.ReadAllBytes(reversed[0]));
        Assert.Equal(File.ReadAllText(first[1]), File.ReadAllText(reversed[1]));
    }

    [Fact]
    public void A_curve_without_a_rate_within_the_bound_has_no_mark_and_no_usable_curve_writes_nothing()
    {
        string dir = _workspace.Folder("out");
        LoadCurve over = new("b7@600", 30, null, [(5, 400), (10, 900)]);

        (_, string svg) = PlotAssert.Written(ServingPlots.P99VsLoad([over], dir), dir, "p99-vs-load");

        IReadOnlyList<string> texts = PlotAssert.Texts(File.ReadAllText(svg));
        Assert.DoesNotContain("max rate within the bound", texts);
        Assert.Contains("b7@600", texts);

        string none = _workspace.Folder("none");
        Assert.Empty(ServingPlots.P99VsLoad([], none));
        Assert.Empty(ServingPlots.P99VsLoad([new LoadCurve("x", 30, null, [(double.NaN, 10), (20, double.PositiveInfinity)])], none));
        Assert.False(Directory.Exists(none));
    }
}
