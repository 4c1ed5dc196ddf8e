using EffNetBench.Core.Reporting.Plots;
using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>The leaderboard's three plots: top-1 vs latency with the Pareto frontier, top-1 vs GMACs, and latency vs
/// GMACs on log axes, one series per (provider, hardware, batch, threads) table; and, when some case ran the server
/// scenario, p99 latency vs offered load, one line per such case.</summary>
public static class LeaderboardPlots
{
    public static IReadOnlyList<string> Write(Leaderboard board, string outDir)
    {
        var accuracyVsLatency = new List<PlotPoint>();
        var accuracyVsGmacs = new List<PlotPoint>();
        var latencyVsGmacs = new List<PlotPoint>();
        foreach (LeaderboardRow row in board.Rows)
        {
            string series = Series(row);
            string label = LeaderboardBuilder.ModelLabel(row.Model, row.Resolution, row.Precision);
            if (row.Top1 is double top1 && row.LatencyMedianMs is double median)
            {
                accuracyVsLatency.Add(new PlotPoint(label, series, median, top1, row.Pareto));
            }

            if (row.Top1 is double top1ForMacs && row.Gmacs is double gmacs)
            {
                accuracyVsGmacs.Add(new PlotPoint(label, series, gmacs, top1ForMacs, row.Pareto));
            }

            if (row.Gmacs is double cost && row.LatencyMedianMs is double latency)
            {
                latencyVsGmacs.Add(new PlotPoint(label, series, cost, latency));
            }
        }

        return
        [
            .. EfficiencyPlots.AccuracyVsLatency(accuracyVsLatency, outDir),
            .. EfficiencyPlots.AccuracyVsGmacs(accuracyVsGmacs, outDir),
            .. EfficiencyPlots.LatencyVsGmacs(latencyVsGmacs, outDir),
            .. ServingPlots.P99VsLoad(LoadCurves(board), outDir),
        ];
    }

    /// <summary>One curve per case with a server scenario, labelled by model, and by series too when the curves span several.</summary>
    internal static List<LoadCurve> LoadCurves(Leaderboard board)
    {
        bool oneSeries = board.ServerCurves.Select(c => (c.Provider, c.Hardware, c.Batch, c.Threads)).Distinct().Count() <= 1;
        return [.. board.ServerCurves.Select(c =>
        {
            string model = LeaderboardBuilder.ModelLabel(c.Model, c.Resolution);
            string label = oneSeries ? model : $"{model}, {Series(c.Provider, c.Hardware, c.Batch, c.Threads)}";
            return new LoadCurve(label, c.LatencyBoundMs, c.MaxRateWithinBound, [.. c.Points.Select(p => (p.OfferedRate, p.P99Ms))]);
        })];
    }

    private static string Series(LeaderboardRow row) => Series(row.Provider, row.Hardware, row.Batch, row.Threads);

    private static string Series(string provider, string hardware, int batch, int? threads)
    {
        string series = $"{provider} / {hardware}";
        bool plain = batch == 1 && threads is null;
        return plain ? series : $"{series}, batch {Invariant.Number(batch)}, threads {Invariant.Threads(threads)}";
    }
}
