using ScottPlot;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// Leaderboard plots: accuracy against cost, and cost against model size. Each writes fileStem.png and
/// fileStem.svg into the directory (replacing them atomically) and returns their paths, PNG first.
/// Empty input writes nothing and returns an empty list; points with NaN or infinite values, or a
/// non-positive value on a log axis, are left out.
/// </summary>
public static class EfficiencyPlots
{
    private const string Top1Title = "ImageNet top-1 (%)";
    private const string LatencyTitle = "median latency (ms)";
    private const string GmacsTitle = "GMACs (multiply-adds, 1e9)";

    /// <summary>More points than this and only the Pareto frontier is labelled: a cloud of names reads as noise.</summary>
    private const int LabelAllLimit = 40;

    private const float FrontierMarkerSize = 11;
    private const float FadedMarkerSize = 8;
    private const double FadedAlpha = 0.4;

    /// <summary>Top-1 against median latency per series, the Pareto frontier drawn as a line, model names beside the points.</summary>
    public static IReadOnlyList<string> AccuracyVsLatency(IReadOnlyList<PlotPoint> points, string directory, string fileStem = "top1-vs-latency") =>
        Draw(points, directory, fileStem, "Accuracy vs latency", LatencyTitle, Top1Title, AxisScale.Log, AxisScale.Linear, joinAll: false);

    /// <summary>Top-1 against GMACs per series, the Pareto frontier drawn as a line, model names beside the points.</summary>
    public static IReadOnlyList<string> AccuracyVsGmacs(IReadOnlyList<PlotPoint> points, string directory, string fileStem = "top1-vs-gmacs") =>
        Draw(points, directory, fileStem, "Accuracy vs compute", GmacsTitle, Top1Title, AxisScale.Log, AxisScale.Linear, joinAll: false);

    /// <summary>Median latency against GMACs on log-log axes, one line per provider / hardware series: how cost grows with the model.</summary>
    public static IReadOnlyList<string> LatencyVsGmacs(IReadOnlyList<PlotPoint> points, string directory, string fileStem = "latency-vs-gmacs") =>
        Draw(points, directory, fileStem, "Latency vs compute", GmacsTitle, LatencyTitle, AxisScale.Log, AxisScale.Log, joinAll: true);

    /// <param name="xScale">
    /// Cost (latency, GMACs) is always on a log axis, whatever the number of points, so a two-model run and a B0-B7 run
    /// (about 100x) read the same way: equal distances are equal ratios.
    /// </param>
    /// <param name="joinAll">Join each series' points in x order (a cost curve) instead of joining only its frontier.</param>
    private static IReadOnlyList<string> Draw(IReadOnlyList<PlotPoint> points, string directory, string fileStem,
        string title, string xTitle, string yTitle, AxisScale xScale, AxisScale yScale, bool joinAll)
    {
        ArgumentNullException.ThrowIfNull(points);
        PlotFiles.Validate(directory, fileStem);

        PlotPoint[] finite = [.. points.Where(p => p is not null && double.IsFinite(p.X) && double.IsFinite(p.Y))];
        PlotPoint[] usable = [.. finite.Where(p => xScale.Accepts(p.X) && yScale.Accepts(p.Y))];
        if (usable.Length == 0)
        {
            return [];
        }

        // Ordinal order, not input order: the same data gives the same colours and the same bytes.
        string[] series = [.. usable.Select(p => p.Series ?? string.Empty).Distinct().Order(StringComparer.Ordinal)];
        bool anyFrontier = !joinAll && usable.Any(p => p.Highlight);

        using var figure = new PlotFigure(title, xScale.Title(xTitle), yScale.Title(yTitle));
        for (int i = 0; i < series.Length; i++)
        {
            Color color = PlotColors.ForSeries(i);
            PlotPoint[] members = [.. usable.Where(p => (p.Series ?? string.Empty) == series[i]).OrderBy(p => p.X).ThenBy(p => p.Y).ThenBy(p => p.Label, StringComparer.Ordinal)];
            AddSeries(figure.Plot, members, xScale, yScale, color, joinAll, anyFrontier);
            figure.AddLegendItem(series[i], color, MarkerShape.FilledCircle, 10, joinAll || members.Any(p => p.Highlight) ? 2 : 0);
        }

        if (anyFrontier)
        {
            // These keys say what the line and the faded markers mean, drawn as the plot draws them: in the series' own
            // colour when there is one series; with several, each series' entry above already shows its line.
            if (series.Length == 1)
            {
                Color color = PlotColors.ForSeries(0);
                figure.AddLegendItem("on Pareto frontier (joined)", color, MarkerShape.FilledCircle, FrontierMarkerSize, 2);
                if (usable.Any(p => !p.Highlight))
                {
                    figure.AddLegendItem("not on frontier", color.WithAlpha(FadedAlpha), MarkerShape.FilledCircle, FadedMarkerSize, 0);
                }
            }
            else
            {
                figure.AddLegendItem("line: that series' Pareto frontier", PlotColors.Ink, MarkerShape.None, 0, 0);
                figure.AddLegendItem("faded: not on frontier", PlotColors.Ink.WithAlpha(FadedAlpha), MarkerShape.FilledCircle, FadedMarkerSize, 0);
            }
        }

        double[] xs = [.. usable.Select(p => xScale.Map(p.X))];
        double[] ys = [.. usable.Select(p => yScale.Map(p.Y))];

        // Extra room on the right for the labels of the right-most points.
        figure.Finish(xScale, xScale.Limits(xs, extraHigh: 0.12), yScale, yScale.Limits(ys, extraHigh: 0.04));
        figure.Layout();
        AddLabels(figure, usable, xScale, yScale, joinAll);
        return figure.Write(directory, fileStem);
    }

    private static void AddSeries(Plot plot, PlotPoint[] members, AxisScale xScale, AxisScale yScale, Color color,
        bool joinAll, bool anyFrontier)
    {
        if (joinAll)
        {
            var curve = plot.Add.Scatter(Xs(members, xScale), Ys(members, yScale), color);
            curve.LineWidth = 2;
            curve.MarkerShape = MarkerShape.FilledCircle;
            curve.MarkerSize = 10;
            return;
        }

        PlotPoint[] frontier = [.. members.Where(p => p.Highlight)];
        PlotPoint[] others = [.. members.Where(p => !p.Highlight)];
        if (others.Length > 0)
        {
            // Faded when a frontier exists, so the eye goes to the models worth choosing.
            var faded = plot.Add.ScatterPoints(Xs(others, xScale), Ys(others, yScale), anyFrontier ? color.WithAlpha(FadedAlpha) : color);
            faded.MarkerShape = MarkerShape.FilledCircle;
            faded.MarkerSize = anyFrontier ? FadedMarkerSize : 10;
        }

        if (frontier.Length > 0)
        {
            var line = plot.Add.Scatter(Xs(frontier, xScale), Ys(frontier, yScale), color);
            line.LineWidth = 2;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.MarkerSize = FrontierMarkerSize;
        }
    }

    private static void AddLabels(PlotFigure figure, PlotPoint[] usable, AxisScale xScale, AxisScale yScale, bool joinAll)
    {
        Coordinates At(PlotPoint p) => new(xScale.Map(p.X), yScale.Map(p.Y));

        // A model measured the same on two series (GMACs and top-1 do not depend on the hardware) sits on one spot: label it once.
        var labels = usable
            .Where(p => !string.IsNullOrWhiteSpace(p.Label))
            .Where(p => usable.Length <= LabelAllLimit || p.Highlight)
            .GroupBy(p => (p.Label, p.X, p.Y))
            .Select(g => (g.Key.Label, At: At(g.First()), Frontier: g.Any(p => p.Highlight)))

            // Frontier first, so they win the free spots; then left to right, for the same result every time.
            .OrderByDescending(l => l.Frontier)
            .ThenBy(l => l.At.X)
            .ThenBy(l => l.At.Y)
            .ThenBy(l => l.Label, StringComparer.Ordinal)
            .ToArray();

        // The segments drawn: each series' frontier, or every point of a series when joined.
        var segments = usable
            .Where(p => joinAll || p.Highlight)
            .GroupBy(p => p.Series)
            .SelectMany(g =>
            {
                Coordinates[] line = [.. g.OrderBy(p => p.X).ThenBy(p => p.Y).Select(At)];
                return line.Zip(line.Skip(1));
            });

        var placer = new LabelPlacer(figure, usable.Select(At), segments);
        foreach ((string label, Coordinates at, bool _) in labels)
        {
            placer.Place(label, at);
        }
    }

    private static double[] Xs(IEnumerable<PlotPoint> points, AxisScale scale) => [.. points.Select(p => scale.Map(p.X))];

    private static double[] Ys(IEnumerable<PlotPoint> points, AxisScale scale) => [.. points.Select(p => scale.Map(p.Y))];
}
