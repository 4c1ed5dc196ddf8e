using System.Globalization;
using System.Text.RegularExpressions;
using EffNetBench.Core.Reporting.Plots;

namespace EffNetBench.IntegrationTests.Plots;

public sealed class EfficiencyPlotsTests : IDisposable
{
    private readonly PlotWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void AccuracyVsLatency_writes_a_png_and_an_svg_with_titles_legend_and_model_names()
    {
        string dir = _workspace.Folder("out");
        IReadOnlyList<string> paths = EfficiencyPlots.AccuracyVsLatency(PlotSamples.AccuracyVsLatency(), dir);

        (string png, string svg) = PlotAssert.Written(paths, dir, "top1-vs-latency");
        PlotAssert.Png(png);

        // Cost is on a log axis, which says so. Three series: each one's legend entry shows its own frontier line, so
        // the keys name what the line and the faded points mean without a colour of their own.
        PlotAssert.Svg(svg, ["Accuracy vs latency", "median latency (ms), log scale", "ImageNet top-1 (%)",
            .. PlotSamples.Series, "line: that series' Pareto frontier", "faded: not on frontier", "efficientnet-b0", "efficientnet-b7"]);
    }

    [Fact]
    public void Two_models_get_the_same_log_cost_axis_as_many_and_a_frontier_key_in_the_series_colour()
    {
        string dir = _workspace.Folder("out");
        PlotPoint[] two = [new("b0@224", PlotSamples.Series[0], 24.85, 77.1, true), new("b1@240", PlotSamples.Series[0], 50.27, 79.1, true)];
        IReadOnlyList<string> paths = EfficiencyPlots.AccuracyVsLatency(two, dir);

        (_, string svg) = PlotAssert.Written(paths, dir, "top1-vs-latency");
        IReadOnlyList<string> texts = PlotAssert.Texts(File.ReadAllText(svg));
        Assert.Contains("median latency (ms), log scale", texts);

        // Under three 1-2-5 labels fit in a factor of two, so every whole multiple is labelled: 30, 40, 50.
        Assert.Contains("30", texts);
        Assert.Contains("40", texts);
        Assert.Contains("on Pareto frontier (joined)", texts);
        Assert.DoesNotContain("not on frontier", texts); // every point is on it
    }

    [Fact]
    public void AccuracyVsGmacs_writes_a_png_and_an_svg_with_titles_and_model_names()
    {
        string dir = _workspace.Folder("out");
        IReadOnlyList<string> paths = EfficiencyPlots.AccuracyVsGmacs(PlotSamples.AccuracyVsGmacs(), dir);

        (string png, string svg) = PlotAssert.Written(paths, dir, "top1-vs-gmacs");
        PlotAssert.Png(png);
        PlotAssert.Svg(svg, "Accuracy vs compute", "GMACs (multiply-adds, 1e9), log scale", "ImageNet top-1 (%)",
            PlotSamples.Series[0], "efficientnet-b0", "efficientnet-b4");
    }

    [Fact]
    public void LatencyVsGmacs_writes_log_log_axes_with_one_legend_entry_per_series()
    {
        string dir = _workspace.Folder("out");
        IReadOnlyList<string> paths = EfficiencyPlots.LatencyVsGmacs(PlotSamples.LatencyVsGmacs(), dir, "cost");

        (string png, string svg) = PlotAssert.Written(paths, dir, "cost");
        PlotAssert.Png(png);
        string text = PlotAssert.Svg(svg, ["Latency vs compute", "GMACs (multiply-adds, 1e9), log scale", "median latency (ms), log scale", .. PlotSamples.Series]);

        // No frontier on a cost curve: its legend keys would mean nothing.
        Assert.DoesNotContain("on Pareto frontier (joined)", PlotAssert.Texts(text));
    }

    [Theory]
    [InlineData(0.1, 1)] // 0.1 to 100 GMACs, 1 to 1000 ms: three decades each
    [InlineData(0.001, 0.01)] // five decades each
    public void A_log_axis_spanning_several_decades_is_labelled_at_the_powers_of_ten_it_covers(double lowX, double lowY)
    {
        int decades = (int)Math.Round(Math.Log10(100 / lowX));
        var points = new List<PlotPoint>();
        for (int i = 0; i <= decades; i++)
        {
            double scale = Math.Pow(10, i);
            points.Add(new PlotPoint($"m{i}", "cpu", lowX * scale, lowY * scale));
            points.Add(new PlotPoint($"m{i}", "cuda", lowX * scale, lowY * scale / 8));
        }

        string dir = _workspace.Folder("out");
        (string png, string svg) = PlotAssert.Written(EfficiencyPlots.LatencyVsGmacs(points, dir), dir, "latency-vs-gmacs");
        PlotAssert.Png(png);
        IReadOnlyList<string> texts = PlotAssert.Texts(File.ReadAllText(svg));

        // Every data decade has its label, on both axes.
        for (int i = 0; i <= decades; i++)
        {
            Assert.Contains(Label(lowX * Math.Pow(10, i)), texts);
            Assert.Contains(Label(lowY * Math.Pow(10, i)), texts);
        }

        // And every numeric tick label is a power of ten: the ticks are decades, not evenly spaced log values.
        double[] numbers = [.. texts
            .Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN)
            .Where(double.IsFinite)];
        Assert.NotEmpty(numbers);
        Assert.All(numbers, v => Assert.Equal(Math.Round(Math.Log10(v)), Math.Log10(v), 9));
    }

    [Fact]
    public void A_log_axis_narrower_than_three_decades_is_labelled_in_1_2_5_steps()
    {
        // 0.3 to 37 GMACs: two decades, where decade labels alone would be three.
        string dir = _workspace.Folder("out");
        (_, string svg) = PlotAssert.Written(EfficiencyPlots.AccuracyVsGmacs(PlotSamples.AccuracyVsGmacs(), dir), dir, "top1-vs-gmacs");
        IReadOnlyList<string> texts = PlotAssert.Texts(File.ReadAllText(svg));
        Assert.Contains("0.5", texts);
        Assert.Contains("2", texts);
        Assert.Contains("5", texts);
        Assert.Contains("20", texts);
    }

    [Fact]
    public void A_narrow_range_is_on_the_same_log_axis_with_invariant_tick_labels_under_any_culture()
    {
        // 0.3 to 1.8 GMACs: log like any cost axis, every whole multiple labelled, with decimal ticks.
        PlotPoint[] small = [.. PlotSamples.AccuracyVsGmacs().Where(p => p.X < 2)];
        string dir = _workspace.Folder("out");
        CultureInfo saved = CultureInfo.CurrentCulture;
        IReadOnlyList<string> paths;
        try
        {
            // ScottPlot's own tick formatter follows the current culture and would write "0,5" here.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            paths = EfficiencyPlots.AccuracyVsGmacs(small, dir);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        (_, string svg) = PlotAssert.Written(paths, dir, "top1-vs-gmacs");
        PlotAssert.Svg(svg, "GMACs (multiply-adds, 1e9), log scale", "ImageNet top-1 (%)");
        IReadOnlyList<string> texts = PlotAssert.Texts(File.ReadAllText(svg));
        Assert.Contains(texts, t => Regex.IsMatch(t, @"^\d+\.\d+$"));
        Assert.DoesNotContain(texts, t => Regex.IsMatch(t, @"^\d+,\d+$"));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_whatever_its_order_and_the_current_culture()
    {
        List<PlotPoint> points = PlotSamples.AccuracyVsLatency();
        IReadOnlyList<string> first = EfficiencyPlots.AccuracyVsLatency(points, _workspace.Folder("a"));

        // A second plot in the same process: Skia's SVG ids come from a process-wide counter.
        IReadOnlyList<string> second = EfficiencyPlots.AccuracyVsLatency(points, _workspace.Folder("b"));

        points.Reverse();
        IReadOnlyList<string> reversed;
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            // A comma decimal separator would show in linear tick labels if the current culture leaked in.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            reversed = EfficiencyPlots.AccuracyVsLatency(points, _workspace.Folder("c"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        foreach (IReadOnlyList<string> other in new[] { second, reversed })
        {
            Assert.Equal(File.ReadAllBytes(first[0]), File.ReadAllBytes(other[0]));
            Assert.Equal(File.ReadAllText(first[1]), File.ReadAllText(other[1]));
        }
    }

    [Fact]
    public void Empty_input_writes_nothing()
    {
        string dir = _workspace.Folder("out");
        Assert.Empty(EfficiencyPlots.AccuracyVsLatency([], dir));
        Assert.Empty(EfficiencyPlots.AccuracyVsGmacs([], dir));
        Assert.Empty(EfficiencyPlots.LatencyVsGmacs([], dir));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Points_with_NaN_are_skipped_and_all_NaN_writes_nothing()
    {
        List<PlotPoint> clean = PlotSamples.AccuracyVsLatency();
        List<PlotPoint> dirty =
        [
            .. clean,
            new("nan-latency", PlotSamples.Series[0], double.NaN, 80),
            new("nan-top1", PlotSamples.Series[1], 10, double.NaN, Highlight: true),
            new("infinite", "another series", double.PositiveInfinity, 70),
        ];

        IReadOnlyList<string> expected = EfficiencyPlots.AccuracyVsLatency(clean, _workspace.Folder("clean"));
        IReadOnlyList<string> actual = EfficiencyPlots.AccuracyVsLatency(dirty, _workspace.Folder("dirty"));
        Assert.Equal(File.ReadAllBytes(expected[0]), File.ReadAllBytes(actual[0]));
        Assert.Equal(File.ReadAllText(expected[1]), File.ReadAllText(actual[1]));

        string none = _workspace.Folder("none");
        Assert.Empty(EfficiencyPlots.AccuracyVsGmacs([new PlotPoint("x", "s", double.NaN, double.NaN)], none));
        Assert.False(Directory.Exists(none));
    }

    [Fact]
    public void Non_positive_values_are_left_off_a_log_axis()
    {
        List<PlotPoint> clean = PlotSamples.LatencyVsGmacs();
        List<PlotPoint> withZero = [.. clean, new PlotPoint("zero", PlotSamples.Series[0], 0, 5), new PlotPoint("negative", PlotSamples.Series[1], 1, -2)];

        IReadOnlyList<string> expected = EfficiencyPlots.LatencyVsGmacs(clean, _workspace.Folder("clean"));
        IReadOnlyList<string> actual = EfficiencyPlots.LatencyVsGmacs(withZero, _workspace.Folder("zero"));
        Assert.Equal(File.ReadAllText(expected[1]), File.ReadAllText(actual[1]));
    }

    [Fact]
    public void Existing_files_are_replaced_whole()
    {
        string dir = _workspace.Folder("out");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "top1-vs-latency.png"), "old");
        File.WriteAllText(Path.Combine(dir, "top1-vs-latency.svg"), "old");

        (string png, string svg) = PlotAssert.Written(EfficiencyPlots.AccuracyVsLatency(PlotSamples.AccuracyVsLatency(), dir), dir, "top1-vs-latency");
        PlotAssert.Png(png);
        PlotAssert.Svg(svg, "ImageNet top-1 (%)");
    }

    [Fact]
    public void A_single_point_still_makes_a_readable_plot()
    {
        string dir = _workspace.Folder("out");
        (string png, string svg) = PlotAssert.Written(
            EfficiencyPlots.AccuracyVsLatency([new PlotPoint("efficientnet-b0", "cpu", 12.5, 77.1, Highlight: true)], dir), dir, "top1-vs-latency");
        PlotAssert.Png(png);
        PlotAssert.Svg(svg, "median latency (ms), log scale", "ImageNet top-1 (%)", "efficientnet-b0", "cpu");
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_stem_that_is_not_a_plain_file_name_is_refused_before_anything_is_written(string stem)
    {
        string dir = _workspace.Folder("out");
        Assert.ThrowsAny<ArgumentException>(() => EfficiencyPlots.AccuracyVsLatency(PlotSamples.AccuracyVsLatency(), dir, stem));
        Assert.False(Directory.Exists(dir));
    }

    private static string Label(double value) =>
        double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("0.######", CultureInfo.InvariantCulture);
}
