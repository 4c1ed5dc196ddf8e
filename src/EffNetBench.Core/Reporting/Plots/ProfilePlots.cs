using EffNetBench.Core.Reporting.Profiles;
using EffNetBench.Core.Results;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// Plots of `profile`: the roofline (log-log: the machine's memory and compute roofs, each variant's operator kinds as
/// points, colour per variant, marker per kind) and the time share per operator kind as stacked bars across variants.
/// Each writes fileStem.png and fileStem.svg and returns their paths; nothing to draw writes nothing.
/// </summary>
public static class ProfilePlots
{
    /// <summary>Kinds drawn apart in the stacked bars (the series colours); the rest are one "other" segment.</summary>
    private const int MaxKinds = 9;

    private const string OtherKinds = "other kinds";

    private static readonly MarkerShape[] KindMarkers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp,
        MarkerShape.OpenDiamond, MarkerShape.Cross, MarkerShape.Eks, MarkerShape.Asterisk,
    ];

    /// <summary>The roofline of <paramref name="peaks"/> with the operator kinds of each case.</summary>
    public static IReadOnlyList<string> Roofline(MachinePeaks peaks, IReadOnlyList<ProfiledCase> cases, string directory, string fileStem = "roofline")
    {
        ArgumentNullException.ThrowIfNull(peaks);
        ArgumentNullException.ThrowIfNull(cases);
        PlotFiles.Validate(directory, fileStem);
        var points = cases.Select(c => (Case: c, Points: Profiles.Roofline.Kinds(c.Profile, peaks))).Where(x => !x.Points.IsEmpty).ToList();
        if (points.Count == 0)
        {
            return [];
        }

        string[] kinds = [.. points.SelectMany(x => x.Points).GroupBy(p => p.Name).OrderByDescending(g => g.Sum(p => p.TimeMs)).Select(g => g.Key)];
        AxisScale log = AxisScale.Log;
        double[] intensities = [.. points.SelectMany(x => x.Points).Select(p => p.Intensity), peaks.RidgeIntensity];
        double[] gflops = [.. points.SelectMany(x => x.Points).Select(p => p.AchievedGflops), peaks.ComputeGflops];
        (double xLow, double xHigh) = log.Limits(intensities.Select(log.Map), extraHigh: 0.05);
        (double yLow, double yHigh) = log.Limits(gflops.Select(log.Map), extraHigh: 0.08);

        using var figure = new PlotFigure($"Roofline ({peaks.Provider}, threads {Rendering.Invariant.Threads(peaks.Threads)})",
            log.Title("arithmetic intensity (FLOPs per byte)"), log.Title("GFLOP/s"));

        // The roof: bandwidth x intensity up to the ridge, then the compute peak.
        double left = Math.Pow(10, xLow), right = Math.Pow(10, xHigh);
        double[] roofX = [xLow, log.Map(peaks.RidgeIntensity), xHigh];
        double[] roofY = [log.Map(left * peaks.BandwidthGBps), log.Map(peaks.ComputeGflops), log.Map(peaks.ComputeGflops)];
        if (peaks.RidgeIntensity <= left)
        {
            roofX = [xLow, xHigh];
            roofY = [log.Map(peaks.ComputeGflops), log.Map(peaks.ComputeGflops)];
        }
        else if (peaks.RidgeIntensity >= right)
        {
            roofX = [xLow, xHigh];
            roofY = [log.Map(left * peaks.BandwidthGBps), log.Map(right * peaks.BandwidthGBps)];
        }

        var roof = figure.Plot.Add.Scatter(roofX, roofY, PlotColors.Ink);
        roof.LineWidth = 2.5f;
        roof.MarkerShape = MarkerShape.None;
        figure.AddLegendItem(Rendering.Invariant.Number(peaks.BandwidthGBps, "0.0") + " GB/s x intensity, capped at " + Rendering.Invariant.Number(peaks.ComputeGflops, "0.0") + " GFLOP/s",
            PlotColors.Ink, MarkerShape.None, 0, 2.5f);

        for (int i = 0; i < points.Count; i++)
        {
            Color color = PlotColors.ForSeries(i);
            foreach (RooflinePoint p in points[i].Points)
            {
                var marker = figure.Plot.Add.ScatterPoints(new[] { log.Map(p.Intensity) }, new[] { log.Map(p.AchievedGflops) }, color);
                marker.MarkerShape = KindMarkers[Array.IndexOf(kinds, p.Name) % KindMarkers.Length];
                marker.MarkerSize = 11;
            }

            figure.AddLegendItem(points[i].Case.Model, color, MarkerShape.FilledCircle, 10, 0);
        }

        for (int k = 0; k < kinds.Length; k++)
        {
            figure.AddLegendItem(kinds[k], PlotColors.Ink, KindMarkers[k % KindMarkers.Length], 10, 0);
        }

        figure.Finish(log, (xLow, xHigh), log, (yLow, yHigh));
        return figure.Write(directory, fileStem);
    }

    /// <summary>Stacked bars: each case's node time split by operator kind, as shares of its node time.</summary>
    public static IReadOnlyList<string> TimeShares(IReadOnlyList<ProfiledCase> cases, string directory, string fileStem = "time-share-per-kind")
    {
        ArgumentNullException.ThrowIfNull(cases);
        PlotFiles.Validate(directory, fileStem);
        ProfiledCase[] usable = [.. cases.Where(c => c.Profile.Kinds.Any(k => k.TimeShare > 0))];
        if (usable.Length == 0)
        {
            return [];
        }

        string[] ranked = [.. usable.SelectMany(c => c.Profile.Kinds).GroupBy(k => k.Name).OrderByDescending(g => g.Sum(k => k.TimeShare)).Select(g => g.Key)];

        // One colour per kind: the largest ones by name, the rest together, so no two kinds share a colour.
        string[] kinds = ranked.Length <= MaxKinds ? ranked : [.. ranked.Take(MaxKinds - 1), OtherKinds];
        double Share(ProfiledCase c, string kind) => kind == OtherKinds
            ? c.Profile.Kinds.Where(g => !kinds.Contains(g.Name)).Sum(g => g.TimeShare)
            : c.Profile.Kinds.FirstOrDefault(g => g.Name == kind)?.TimeShare ?? 0;
        using var figure = new PlotFigure("Time share per operator kind", "variant", "share of node time (%)");
        var bars = new List<Bar>();
        for (int i = 0; i < usable.Length; i++)
        {
            double bottom = 0;
            foreach ((string kind, int k) in kinds.Select((k, index) => (k, index)))
            {
                double share = 100 * Share(usable[i], kind);
                if (share <= 0)
                {
                    continue;
                }

                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + share, FillColor = PlotColors.ForSeries(k), Size = 0.7 });
                bottom += share;
            }
        }

        figure.Plot.Add.Bars(bars);
        for (int k = 0; k < kinds.Length; k++)
        {
            figure.AddLegendItem(kinds[k], PlotColors.ForSeries(k), MarkerShape.FilledSquare, 12, 0);
        }

        figure.Finish(AxisScale.Linear, (-0.6, usable.Length - 0.4), AxisScale.Linear, (0, 102));
        var ticks = new NumericManual();
        for (int i = 0; i < usable.Length; i++)
        {
            ticks.AddMajor(i, usable[i].Model);
        }

        figure.Plot.Axes.Bottom.TickGenerator = ticks;
        return figure.Write(directory, fileStem);
    }
}
