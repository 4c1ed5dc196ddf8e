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
                .ThenBy(i => rows[i].Model, StringComparer.Ordinal)
                .ThenBy(i => Quantization.PrecisionNames.Order(rows[i].Precision))];
            LeaderboardRow? previous = null;
            foreach (int i in frontier)
            {
                LeaderboardRow row = rows[i];
                double? gain = previous is null ? null : row.Top1 - previous.Top1;

                // Equal top-1 (a tie on both axes) has no cost per point; leave it empty rather than divide by zero.
                bool step = gain is > 0;
                string[] tied = [.. group.Where(j => j != i && rows[j] is { Top1: not null, LatencyMedianMs: not null }
                        && (WouldDominate(rows[j], row) || WouldDominate(row, rows[j])) && LatencyTied(rows[j], row))
                    .Select(j => LeaderboardBuilder.ModelLabel(rows[j].Model, rows[j].Resolution, rows[j].Precision))];
                marked[i] = row with
                {
                    Pareto = true,
                    TiedWith = tied.Length == 0 ? null : string.Join(", ", tied),
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
    /// <paramref name="a"/> is at least as accurate and at least as fast as <paramref name="b"/>, strictly better in one,
    /// and the latencies are not tied: a latency difference within the two cases' 99 % confidence intervals does not
    /// drop <paramref name="b"/> from the frontier (both stay, each <see cref="LeaderboardRow.TiedWith"/> the other).
    /// </summary>
    public static bool Dominates(LeaderboardRow a, LeaderboardRow b) => WouldDominate(a, b) && !LatencyTied(a, b);

    /// <summary>Dominance on the point estimates alone.</summary>
    private static bool WouldDominate(LeaderboardRow a, LeaderboardRow b) =>
        a is { Top1: double ta, LatencyMedianMs: double la }
        && b is { Top1: double tb, LatencyMedianMs: double lb }
        && ta >= tb && la <= lb && (ta > tb || la < lb);

    /// <summary>The two latencies' 99 % CIs (of the mean, as each case recorded it, centred on its median) overlap;
    /// false when either has no CI. Equal latencies are not a tie to resolve: they are equal.</summary>
    internal static bool LatencyTied(LeaderboardRow a, LeaderboardRow b) =>
        a is { LatencyMedianMs: double la, LatencyCi99HalfWidthMs: double ca }
        && b is { LatencyMedianMs: double lb, LatencyCi99HalfWidthMs: double cb }
        && la != lb && Math.Abs(la - lb) <= ca + cb;
}
