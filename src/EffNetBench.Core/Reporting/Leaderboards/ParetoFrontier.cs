namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Pareto flags and marginal costs (per image) of latency vs top-1, within each provider / hardware / batch / threads group.</summary>
internal static class ParetoFrontier
{
    public static (string Provider, string Hardware, int Batch, int? Threads) Group(LeaderboardRow row) =>
        (row.Provider, row.Hardware, row.Batch, row.Threads);

    /// <summary>The rows with <see cref="LeaderboardRow.Pareto"/> and the marginal costs set, in the same order.</summary>
    public static List<LeaderboardRow> Mark(IReadOnlyList<LeaderboardRow> rows)
    {
        var marked = rows.ToList();
        foreach (IGrouping<(string, string, int, int?), int> group in Enumerable.Range(0, rows.Count).GroupBy(i => Group(rows[i])))
        {
            // Rows without top-1 cannot be placed on the accuracy axis, so they are never on the frontier.
            List<int> frontier = [.. group
                .Where(i => rows[i] is { Top1: not null, LatencyMedianMs: not null } && !group.Any(j => j != i && Dominates(rows[j], rows[i])))
                .OrderBy(i => rows[i].LatencyMedianMs)
                .ThenBy(i => rows[i].Top1)
                .ThenBy(i => rows[i].Model, StringComparer.Ordinal)];
            LeaderboardRow? previous = null;
            foreach (int i in frontier)
            {
                LeaderboardRow row = rows[i];
                double? gain = previous is null ? null : row.Top1 - previous.Top1;

                // Equal top-1 (a tie on both axes) has no cost per point; leave it empty rather than divide by zero.
                bool step = gain is > 0;
                marked[i] = row with
                {
                    Pareto = true,
                    MarginalTop1 = gain,
                    MarginalGflopsPerPoint = step ? (row.Gflops - previous!.Gflops) / gain : null,
                    MarginalMsPerImagePerPoint = step ? (row.MsPerImage - previous!.MsPerImage) / gain : null,
                };
                previous = row;
            }
        }

        return marked;
    }

    /// <summary>
    /// <paramref name="a"/> is at least as accurate and at least as fast as <paramref name="b"/>, and strictly better in one.
    /// </summary>
    public static bool Dominates(LeaderboardRow a, LeaderboardRow b) =>
        a is { Top1: double ta, LatencyMedianMs: double la }
        && b is { Top1: double tb, LatencyMedianMs: double lb }
        && ta >= tb && la <= lb && (ta > tb || la < lb);
}
