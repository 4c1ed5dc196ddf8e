using EffNetBench.Core.Reporting.Rendering;
using ScottPlot;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// The server scenario's plot: p99 latency against offered load, one line per model (and machine), the p99 bound as a
/// dashed line and the maximum rate within it ringed. Writes fileStem.png and fileStem.svg (replaced atomically) and
/// returns their paths, PNG first; no usable curve writes nothing. Points with a NaN, infinite or (on a log axis)
/// non-positive value are left out.
/// </summary>
public static class ServingPlots
{
    public const string P99VsLoadStem = "p99-vs-load";

    private const float MarkerSize = 9;
    private const float MaxRateMarkerSize = 22;

    public static IReadOnlyList<string> P99VsLoad(IReadOnlyList<LoadCurve> curves, string directory, string fileStem = P99VsLoadStem)
    {
        ArgumentNullException.ThrowIfNull(curves);
        PlotFiles.Validate(directory, fileStem);

        LoadCurve[] all = [.. curves.Where(c => c is not null && !c.Points.IsDefault)];
        AxisScale xScale = AxisScale.Choose(all.SelectMany(c => c.Points.Select(p => p.OfferedRate)));
        AxisScale yScale = AxisScale.Choose(all.SelectMany(c => c.Points.Select(p => p.P99Ms).Append(c.BoundMs)));
        LoadCurve[] usable = [.. all
            .Select(c => c with { Points = [.. c.Points.Where(p => xScale.Accepts(p.OfferedRate) && yScale.Accepts(p.P99Ms)).OrderBy(p => p.OfferedRate)] })
            .Where(c => !c.Points.IsEmpty)
            .OrderBy(c => c.Label, StringComparer.Ordinal)];
        if (usable.Length == 0)
        {
            return [];
        }

        double[] xs = [.. usable.SelectMany(c => c.Points.Select(p => xScale.Map(p.OfferedRate)))];
        double[] ys = [.. usable.SelectMany(c => c.Points.Select(p => yScale.Map(p.P99Ms)).Concat(yScale.Accepts(c.BoundMs) ? [yScale.Map(c.BoundMs)] : []))];
        (double Low, double High) xLimits = xScale.Limits(xs, extraHigh: 0.08);
        (double Low, double High) yLimits = yScale.Limits(ys, extraHigh: 0.06);

        using var figure = new PlotFigure("p99 latency vs offered load", xScale.Title("offered load (requests/s, Poisson arrivals)"), yScale.Title("p99 latency (ms)"));
        double[] bounds = [.. usable.Select(c => c.BoundMs).Where(yScale.Accepts).Distinct()];
        for (int i = 0; i < usable.Length; i++)
        {
            LoadCurve curve = usable[i];
            Color color = PlotColors.ForSeries(i);
            double[] lineX = [.. curve.Points.Select(p => xScale.Map(p.OfferedRate))];
            double[] lineY = [.. curve.Points.Select(p => yScale.Map(p.P99Ms))];
            var line = figure.Plot.Add.Scatter(lineX, lineY, color);
            line.LineWidth = 2;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.MarkerSize = MarkerSize;
            figure.AddLegendItem(curve.Label, color, MarkerShape.FilledCircle, MarkerSize, 2);

            // One bound for all: drawn once below, in ink. Several: each in its curve's colour.
            if (bounds.Length > 1 && yScale.Accepts(curve.BoundMs))
            {
                Bound(figure.Plot, yScale.Map(curve.BoundMs), xLimits, color);
            }
        }

        if (bounds.Length == 1)
        {
            Bound(figure.Plot, yScale.Map(bounds[0]), xLimits, PlotColors.Ink);
            figure.AddLegendItem($"p99 bound {Invariant.Number(bounds[0], "0.##")} ms", PlotColors.Ink, MarkerShape.None, 0, 2, LinePattern.Dashed);
        }
        else if (bounds.Length > 1)
        {
            figure.AddLegendItem("dashed: that model's p99 bound", PlotColors.Ink, MarkerShape.None, 0, 2, LinePattern.Dashed);
        }

        var marks = new List<(Coordinates At, string Text)>();
        for (int i = 0; i < usable.Length; i++)
        {
            LoadCurve curve = usable[i];
            if (curve.MaxRate is double max && curve.Points.FirstOrDefault(p => p.OfferedRate == max) is { OfferedRate: > 0 } at)
            {
                var ring = figure.Plot.Add.ScatterPoints(new[] { xScale.Map(at.OfferedRate) }, new[] { yScale.Map(at.P99Ms) }, PlotColors.ForSeries(i));
                ring.MarkerShape = MarkerShape.OpenDiamond;
                ring.MarkerSize = MaxRateMarkerSize;
                ring.MarkerLineWidth = 3;
                marks.Add((new Coordinates(xScale.Map(at.OfferedRate), yScale.Map(at.P99Ms)), $"{Invariant.Number(max, max >= 100 ? "0" : "0.#")} /s"));
            }
        }

        if (marks.Count > 0)
        {
            figure.AddLegendItem("max rate within the bound", PlotColors.Ink, MarkerShape.OpenDiamond, 14, 0);
        }

        figure.Finish(xScale, xLimits, yScale, yLimits);
        figure.Layout();

        // Rate labels placed clear of each other, of the points, of the curves and of the bound lines.
        Coordinates[][] lines = [.. usable.Select(c => c.Points.Select(p => new Coordinates(xScale.Map(p.OfferedRate), yScale.Map(p.P99Ms))).ToArray())];
        IEnumerable<(Coordinates, Coordinates)> segments = lines.SelectMany(l => l.Zip(l.Skip(1)))
            .Concat(bounds.Select(b => (new Coordinates(xLimits.Low, yScale.Map(b)), new Coordinates(xLimits.High, yScale.Map(b)))));
        var placer = new LabelPlacer(figure, lines.SelectMany(l => l), segments);
        foreach ((Coordinates at, string text) in marks.OrderBy(m => m.At.X).ThenBy(m => m.Text, StringComparer.Ordinal))
        {
            placer.Place(text, at);
        }

        return figure.Write(directory, fileStem);
    }

    /// <summary>A dashed horizontal line across the whole x range (a two-point line, so it obeys the fixed limits).</summary>
    private static void Bound(Plot plot, double y, (double Low, double High) x, Color color)
    {
        var line = plot.Add.Scatter(new[] { x.Low, x.High }, new[] { y, y }, color);
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerShape = MarkerShape.None;
    }
}
