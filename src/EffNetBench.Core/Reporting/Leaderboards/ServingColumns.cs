using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>The serving columns of a Markdown table (offline throughput, server rate within the bound, CPU time per
/// image): each shown only when some row of the table has its figure, so a table without scenarios looks as before.</summary>
internal static class ServingColumns
{
    /// <summary>A column: header, alignment letter, cell of a row, and whether any row has a value.</summary>
    internal sealed record Column(string Header, char Align, Func<LeaderboardRow, string> Cell, Func<LeaderboardRow, bool> Has);

    private static readonly Column[] All =
    [
        new("offline images/s (best)", 'r', r => Offline(r.OfflineImagesPerSecond, r.OfflineConcurrency, r.OfflineBatch), r => r.OfflineImagesPerSecond is not null),
        new("server max rate", 'r', r => Server(r.ServerMaxRate, r.ServerRateBracketHigh, r.ServerLatencyBoundMs), r => r.ServerLatencyBoundMs is not null),
        new("CPU ms / image", 'r', r => Number(r.CpuMsPerImage, "0.00"), r => r.CpuMsPerImage is not null),
        new("offline CPU ms / image", 'r', r => Number(r.OfflineCpuMsPerImage, "0.00"), r => r.OfflineCpuMsPerImage is not null),
    ];

    /// <summary>The columns some row of <paramref name="rows"/> has a value for, in a fixed order.</summary>
    public static IReadOnlyList<Column> For(IReadOnlyList<LeaderboardRow> rows) => [.. All.Where(c => rows.Any(c.Has))];

    /// <summary>"172 img/s (c2, b8)": images per second at the best (concurrency, batch) point.</summary>
    public static string Offline(double? imagesPerSecond, int? concurrency, int? batch) => imagesPerSecond is double ips
        ? $"{Rate(ips)} img/s" + (concurrency is int c && batch is int b ? $" (c{Number(c)}, b{Number(b)})" : string.Empty)
        : string.Empty;

    /// <summary>"100 /s (p99 ≤ 30 ms)"; "&lt; 20 /s (p99 ≤ 30 ms)" when even the lowest rate tried exceeded the bound.</summary>
    public static string Server(double? maxRate, double? bracketHigh, double? boundMs)
    {
        if (boundMs is not double bound)
        {
            return string.Empty;
        }

        string within = $"(p99 ≤ {Number(bound, "0.##")} ms)";
        return maxRate switch
        {
            double rate => $"{Rate(rate)} /s {within}",
            null when bracketHigh is double high => $"< {Rate(high)} /s {within}",
            _ => $"none {within}",
        };
    }

    /// <summary>Whole numbers from 100 up, one decimal below: rates and throughputs are not known to more.</summary>
    public static string Rate(double value) => Number(value, value >= 100 ? "0" : "0.#");

    /// <summary>The legend lines of the columns shown.</summary>
    public static IEnumerable<string> Legend(IReadOnlyList<LeaderboardRow> rows)
    {
        if (rows.Any(r => r.OfflineImagesPerSecond is not null))
        {
            yield return "- **offline images/s (best)**: `run --scenario offline`, concurrent requests on one session over a sweep of concurrency and batch; the images per second of the best point, with its concurrency (c) and batch (b). The CSV and JSON give the point (`offline_concurrency`, `offline_batch`); results.json every point with its 95 % CI.";
        }

        if (rows.Any(r => r.ServerLatencyBoundMs is not null))
        {
            yield return "- **server max rate**: `run --scenario server`, open-loop Poisson arrivals, each latency from the request's scheduled arrival (queueing included); the highest offered rate (requests per second) whose p99 stayed within the bound shown. \"< R /s\": even the lowest rate tried, R, exceeded it. The next rate tried, which exceeded it, is `server_rate_bracket_high` in the CSV and JSON; the bound's source is `server_bound_source`.";
        }

        if (rows.Any(r => r.CpuMsPerImage is not null || r.OfflineCpuMsPerImage is not null))
        {
            yield return "- **CPU ms / image**: process CPU time (all threads) per image of the single-stream samples; **offline CPU ms / image**: the same at the best offline point. Above the wall time per image when several threads work (or spin: `spin` in the CSV and JSON).";
        }
    }
}
