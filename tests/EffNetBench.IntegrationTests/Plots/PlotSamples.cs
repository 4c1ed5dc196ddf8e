using EffNetBench.Core.Reporting.Plots;

namespace EffNetBench.IntegrationTests.Plots;

/// <summary>Leaderboard-like data: EfficientNet B0-B7 and friends on three provider / hardware series.</summary>
internal static class PlotSamples
{
    public static readonly string[] Series = ["cpu / AMD EPYC (2 cores)", "cuda / NVIDIA A10G", "openvino / AMD EPYC (2 cores)"];

    private static readonly (string Model, double Top1, double Gmacs)[] Models =
    [
        ("efficientnet-b0", 77.1, 0.39),
        ("efficientnet-b1", 79.1, 0.70),
        ("efficientnet-b2", 80.1, 1.0),
        ("efficientnet-b3", 81.6, 1.8),
        ("efficientnet-b4", 82.9, 4.2),
        ("efficientnet-b5", 83.6, 9.9),
        ("efficientnet-b6", 84.0, 19),
        ("efficientnet-b7", 84.3, 37),
        ("efficientnet-lite0", 75.1, 0.41),
        ("mobilenetv2-1.0", 72.0, 0.30),
        ("resnet50", 76.1, 4.1),
    ];

    private static readonly double[] Speed = [1.0, 0.08, 0.7];

    /// <summary>Median latency in ms of a model on a series; grows with GMACs, as it does.</summary>
    public static double LatencyMs(int model, int series) => (4 + (Models[model].Gmacs * 22)) * Speed[series] * (1 + (0.1 * Math.Sin(model + series)));

    /// <summary>Top-1 against latency, the frontier of each series highlighted.</summary>
    public static List<PlotPoint> AccuracyVsLatency()
    {
        var points = new List<PlotPoint>();
        for (int s = 0; s < Series.Length; s++)
        {
            double best = double.NegativeInfinity;
            foreach ((int m, double latency) in Enumerable.Range(0, Models.Length).Select(m => (m, LatencyMs(m, s))).OrderBy(t => t.Item2))
            {
                bool frontier = Models[m].Top1 > best;
                best = Math.Max(best, Models[m].Top1);
                points.Add(new PlotPoint(Models[m].Model, Series[s], latency, Models[m].Top1, frontier));
            }
        }

        return points;
    }

    /// <summary>Top-1 against GMACs on one series, the EfficientNets as the frontier.</summary>
    public static List<PlotPoint> AccuracyVsGmacs() =>
        [.. Models.Select(m => new PlotPoint(m.Model, Series[0], m.Gmacs, m.Top1, m.Model.StartsWith("efficientnet-b", StringComparison.Ordinal)))];

    /// <summary>Latency against GMACs on every series: 0.3 to 37 GMACs, 0.7 to 900 ms.</summary>
    public static List<PlotPoint> LatencyVsGmacs() =>
        [.. Enumerable.Range(0, Series.Length).SelectMany(s => Models.Select((m, i) => new PlotPoint(m.Model, Series[s], m.Gmacs, LatencyMs(i, s))))];

    /// <summary>Three cases over six releases; two cases regress in 0.4.0.</summary>
    public static List<HistoryPoint> History()
    {
        string[] releases = ["0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0"];
        (string Case, double Ms)[] cases = [("efficientnet-b0 cpu b1", 6), ("efficientnet-b4 cpu b1", 48), ("efficientnet-b0 cuda b8", 2.5)];
        var points = new List<HistoryPoint>();
        foreach ((string name, double ms) in cases)
        {
            for (int r = 0; r < releases.Length; r++)
            {
                bool regression = r == 3 && name.Contains("cpu", StringComparison.Ordinal);
                double median = ms * (regression ? 1.25 : 1 - (0.02 * r));
                points.Add(new HistoryPoint(name, r, releases[r], median, median * 1.4, regression));
            }
        }

        return points;
    }
}
