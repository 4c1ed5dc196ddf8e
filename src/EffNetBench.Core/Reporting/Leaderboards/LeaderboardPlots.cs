using EffNetBench.Core.Reporting.Plots;
using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>The leaderboard's three plots: top-1 vs latency with the Pareto frontier, top-1 vs GMACs, and latency vs
/// GMACs on log axes. One series per (provider, hardware, batch, threads) table.</summary>
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
        ];
    }

    private static string Series(LeaderboardRow row)
    {
        string series = $"{row.Provider} / {row.Hardware}";
        bool plain = row.Batch == 1 && row.Threads is null;
        return plain ? series : $"{series}, batch {Invariant.Number(row.Batch)}, threads {Invariant.Threads(row.Threads)}";
    }
}
