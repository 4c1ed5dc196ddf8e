using System.Text.Json;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Results;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Writes a leaderboard as Markdown (for people), CSV and JSON (for scripts; column and field names are a contract).</summary>
public static class LeaderboardWriter
{
    public const string MarkdownFileName = "leaderboard.md";
    public const string CsvFileName = "leaderboard.csv";
    public const string JsonFileName = "leaderboard.json";
    public const string Schema = "effnet-bench/leaderboard/2";

    // Six decimals keep nanoseconds and kilo-FLOPs without printing the noise digits of a division.
    private const string Fine = "0.######";
    private const string Percent = "0.###";

    /// <summary>
    /// The first twenty are fixed in this order; later versions append, and rename a column whose meaning changes
    /// (marginal_ms_per_point, per batch, became marginal_ms_per_image_per_point).
    /// </summary>
    public static readonly IReadOnlyList<string> CsvHeaders =
    [
        "model", "resolution", "provider", "hardware", "batch", "threads", "params", "gmacs", "gflops", "top1", "top1_source", "top5",
        "latency_median_ms", "latency_p90_ms", "latency_p99_ms", "throughput_ips", "peak_rss_mb", "gflops_per_top1_point",
        "ms_per_top1_point", "pareto", "top1_per_gflop", "marginal_gflops_per_point", "marginal_ms_per_image_per_point", "note", "model_source",
        "ms_per_image", "marginal_top1", "accuracy_checkpoint", "latency_ci99_half_width_ms", "precision_target_met", "tied_with",
        "offline_images_per_second", "offline_concurrency", "offline_batch", "offline_cpu_ms_per_image",
        "server_max_rate", "server_rate_bracket_high", "server_latency_bound_ms", "server_bound_source", "cpu_ms_per_image", "spin",
        "share_of_attainable", "cpu_fallback",
        "precision",
    ];

    // '\n' on every OS, so the same leaderboard is the same bytes wherever it is written.
    private static readonly JsonSerializerOptions JsonOptions = new(Tabular.Json) { NewLine = "\n" };

    /// <summary>Writes leaderboard.md, .csv and .json into <paramref name="directory"/> (created if needed), each atomically.</summary>
    /// <returns>The full paths written, in that order.</returns>
    public static IReadOnlyList<string> Write(Leaderboard board, string directory)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return ReportFiles.Write(Path.GetFullPath(directory), (MarkdownFileName, Markdown(board)), (CsvFileName, Csv(board)), (JsonFileName, Json(board)));
    }

    public static string Markdown(Leaderboard board) => LeaderboardMarkdown.Render(board);

    /// <summary>RFC 4180 with CRLF record ends; empty cells for unknown values; invariant numbers.</summary>
    public static string Csv(Leaderboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return Tabular.Csv(CsvHeaders, board.Rows.Select(CsvRow));
    }

    public static string Json(Leaderboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var document = new
        {
            schema = Schema,
            rank_by = RankByNames.Name(board.RankBy),
            baseline = board.Baseline,
            runs = board.Runs,
            accuracy_sources = board.AccuracySources,
            rows = board.Rows,
            hardware = board.Hardware,
            server_curves = board.ServerCurves,
            notes = board.Notes,
            precision_costs = board.PrecisionCosts,
        };
        return JsonSerializer.Serialize(document, JsonOptions) + "\n";
    }

    private static IReadOnlyList<string> CsvRow(LeaderboardRow r) =>
    [
        r.Model,
        Number(r.Resolution),
        r.Provider,
        r.Hardware,
        Number(r.Batch),
        Threads(r.Threads),
        Number(r.Params),
        Number(r.Gmacs, Fine),
        Number(r.Gflops, Fine),
        Number(r.Top1, Percent),
        r.Top1Source ?? string.Empty,
        Number(r.Top5, Percent),
        Number(r.LatencyMedianMs, Fine),
        Number(r.LatencyP90Ms, Fine),
        Number(r.LatencyP99Ms, Fine),
        Number(r.ThroughputIps, Percent),
        Number(r.PeakRssMb, Percent),
        Number(r.GflopsPerTop1Point, Fine),
        Number(r.MsPerTop1Point, Fine),
        r.Pareto ? "true" : "false",
        Number(r.Top1PerGflop, Fine),
        Number(r.MarginalGflopsPerPoint, Fine),
        Number(r.MarginalMsPerImagePerPoint, Fine),
        r.Note ?? string.Empty,
        r.ModelSource?.ToString().ToLowerInvariant() ?? string.Empty,
        Number(r.MsPerImage, Fine),
        Number(r.MarginalTop1, Percent),
        r.AccuracyCheckpoint ?? string.Empty,
        Number(r.LatencyCi99HalfWidthMs, Fine),
        r.PrecisionTargetMet switch { true => "true", false => "false", null => string.Empty },
        r.TiedWith ?? string.Empty,
        Number(r.OfflineImagesPerSecond, Percent),
        Number(r.OfflineConcurrency),
        Number(r.OfflineBatch),
        Number(r.OfflineCpuMsPerImage, Fine),
        Number(r.ServerMaxRate, Percent),
        Number(r.ServerRateBracketHigh, Percent),
        Number(r.ServerLatencyBoundMs, Fine),
        r.ServerBoundSource ?? string.Empty,
        Number(r.CpuMsPerImage, Fine),
        r.Spin switch { true => "on", false => "off", null => string.Empty },
        Number(r.ShareOfAttainable, Fine),
        r.CpuFallback switch { true => "true", false => "false", null => string.Empty },
        r.Precision,
    ];
}
