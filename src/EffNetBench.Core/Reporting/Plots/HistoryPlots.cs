using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// Release history plots. Writes fileStem.png and fileStem.svg into the directory (replacing them atomically)
/// and returns their paths, PNG first. Empty input writes nothing and returns an empty list; a NaN or infinite
/// latency is left out (the median and p99 of a point are judged separately).
/// </summary>
public static class HistoryPlots
{
    /// <summary>More releases than this, or long names, and the release names are slanted so they do not run into each other.</summary>
    private const int UprightLabelLimit = 8;

    private const float SlantDegrees = 35;

    /// <summary>Median (solid) and p99 (dashed) latency per release, one colour per case, regressions ringed in red.</summary>
    public static IReadOnlyList<string> LatencyHistory(IReadOnlyList<HistoryPoint> points, string directory, string fileStem = "history")
    {
        ArgumentNullException.ThrowIfNull(points);
        PlotFiles.Validate(directory, fileStem);

        HistoryPoint[] all = [.. points.Where(p => p is not null)];
        AxisScale yScale = AxisScale.Choose(all.SelectMany(p => new[] { p.MedianMs, p.P99Ms }));
        HistoryPoint[] usable = [.. all.Where(p => yScale.Accepts(p.MedianMs) || yScale.Accepts(p.P99Ms))];
        if (usable.Length == 0)
        {
            return [];
        }

        // One x position per release, in release order. Two names for one order would be a caller's slip: the ordinally first wins.
        (int Order, string Label)[] releases = [.. usable
            .GroupBy(p => p.Order)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Select(p => p.Label ?? string.Empty).Order(StringComparer.Ordinal).First()))];
        Dictionary<int, int> position = releases.Select((r, i) => (r.Order, i)).ToDictionary(t => t.Order, t => t.i);

        string[] cases = [.. usable.Select(p => p.Case ?? string.Empty).Distinct().Order(StringComparer.Ordinal)];

        using var figure = new PlotFigure("Latency per release", "release", yScale.Title("latency (ms)"));
        var marked = new List<Coordinates>();
        var ys = new List<double>();
        for (int i = 0; i < cases.Length; i++)
        {
            Color color = PlotColors.ForSeries(i);
            HistoryPoint[] history = [.. usable.Where(p => (p.Case ?? string.Empty) == cases[i]).OrderBy(p => p.Order)];

            Coordinates[] median = Line(history, p => p.MedianMs, position, yScale);
            Coordinates[] p99 = Line(history, p => p.P99Ms, position, yScale);
            AddLine(figure.Plot, median, color, MarkerShape.FilledCircle, LinePattern.Solid);
            AddLine(figure.Plot, p99, color, MarkerShape.FilledTriangleUp, LinePattern.Dashed);
            ys.AddRange(median.Select(c => c.Y));
            ys.AddRange(p99.Select(c => c.Y));

            // Both values of a regressed release are ringed: the slowdown may show in either statistic.
            foreach (HistoryPoint p in history.Where(p => p.Regression))
            {
                marked.AddRange(new[] { p.MedianMs, p.P99Ms }
                    .Where(yScale.Accepts)
                    .Select(v => new Coordinates(position[p.Order], yScale.Map(v))));
            }

            figure.AddLegendItem(cases[i], color, MarkerShape.FilledCircle, 9, 2);
        }

        figure.AddLegendItem("median", PlotColors.Ink, MarkerShape.FilledCircle, 9, 2, LinePattern.Solid);
        figure.AddLegendItem("p99", PlotColors.Ink, MarkerShape.FilledTriangleUp, 9, 2, LinePattern.Dashed);
        if (marked.Count > 0)
        {
            var rings = figure.Plot.Add.ScatterPoints(marked.ToArray(), PlotColors.Regression);
            rings.MarkerShape = MarkerShape.OpenCircle;
            rings.MarkerSize = 20;
            rings.MarkerLineWidth = 3;
            figure.AddLegendItem("regression", PlotColors.Regression, MarkerShape.OpenCircle, 14, 0);
        }

        figure.Finish(AxisScale.Linear, (-0.5, releases.Length - 0.5), yScale, yScale.Limits(ys, extraHigh: 0.04));

        // Finish set numeric ticks on x; the release names replace them.
        SetReleaseTicks(figure.Plot, releases);
        return figure.Write(directory, fileStem);
    }

    private static Coordinates[] Line(IEnumerable<HistoryPoint> history, Func<HistoryPoint, double> value,
        Dictionary<int, int> position, AxisScale scale) =>
        [.. history.Where(p => scale.Accepts(value(p))).Select(p => new Coordinates(position[p.Order], scale.Map(value(p))))];

    private static void AddLine(Plot plot, Coordinates[] points, Color color, MarkerShape marker, LinePattern pattern)
    {
        if (points.Length == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(points, color);
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.MarkerShape = marker;
        line.MarkerSize = 9;
    }

    private static void SetReleaseTicks(Plot plot, (int Order, string Label)[] releases)
    {
        var ticks = new NumericManual();
        for (int i = 0; i < releases.Length; i++)
        {
            ticks.AddMajor(i, releases[i].Label);
        }

        SKTypeface typeface = PlotFonts.For(string.Concat(releases.Select(r => r.Label)));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.Font = typeface;
        if (releases.Length > UprightLabelLimit || releases.Any(r => r.Label.Length > 12))
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = SlantDegrees;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;

            // ScottPlot sizes the axis for upright labels; slanted ones need their drop plus room for the axis title.
            using var font = new SKFont(typeface, plot.Axes.Bottom.TickLabelStyle.FontSize);
            float widest = releases.Max(r => font.MeasureText(r.Label));
            double slant = SlantDegrees * Math.PI / 180;
            plot.Axes.Bottom.MinimumSize = (float)((widest * Math.Sin(slant)) + (font.Spacing * Math.Cos(slant))) + 45;
        }
    }
}
