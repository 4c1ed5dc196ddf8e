using EffNetBench.Core.Results;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Reporting;

/// <summary>The table `run` prints at the end: one row per case.</summary>
public static class RunSummaryReport
{
    /// <summary>With end-to-end cases (`run --end-to-end`), each is labelled "e2e" on the row after its model-only case,
    /// with two more columns: preprocessing's milliseconds (the preprocessing graph timed alone; in files without it, the
    /// end-to-end median - model median) and its share of the end-to-end median.</summary>
    public static string Render(IReadOnlyList<CaseResult> cases)
    {
        bool endToEnd = cases.Any(c => c.EndToEnd is not null);
        string[] headers = endToEnd
            ? ["model", "provider", "batch", "threads", "median ms", "p99 ms", "+-99% CI", "n", "images/s", "GFLOP/s", "peak RSS MB", "preproc ms", "preproc %", "status"]
            : ["model", "provider", "batch", "threads", "median ms", "p99 ms", "+-99% CI", "n", "images/s", "GFLOP/s", "peak RSS MB", "status"];
        return Tabular.Table(headers, cases.Select(c => endToEnd ? [.. Row(c)[..^1], .. Preprocessing(c), Status(c)] : Row(c)))
            + string.Concat(cases.Where(c => c.Profile is not null).Select(c => ProfileLine(c, c.Profile!) + "\n"));
    }

    /// <summary>`run --profile`: one line per profiled case, the node time against the median (the runtime's overhead
    /// between nodes), the largest operator kind, and CPU fallback of a GPU case.</summary>
    internal static string ProfileLine(CaseResult c, ProfileSummary p)
    {
        if (p.Nodes.IsEmpty)
        {
            return $"profile {c.Id}: none ({(p.Warnings.IsEmpty ? "no node times" : p.Warnings[^1])})";
        }

        string top = p.Kinds.IsEmpty ? string.Empty : $"; largest kind {p.Kinds[0].Name} {Number(100 * p.Kinds[0].TimeShare, "0")} %";
        string fallback = p.CpuFallback && p.Placement.FirstOrDefault(x => x.Provider == "CPUExecutionProvider") is { } cpu
            ? $"; CPU FALLBACK: {Number(cpu.Nodes)} nodes, {Number(100 * cpu.TimeShare, "0.0")} % of node time"
            : string.Empty;
        string warnings = p.Warnings.IsEmpty ? string.Empty : $"; {Number(p.Warnings.Length)} warnings in results.json";
        return $"profile {c.Id}: node time {Number(p.NodeTimeMs, "0.00")} ms of median {Number(p.CaseMedianMs, "0.00")} ms (overhead {Number(p.OverheadMs, "0.00")} ms) over {Number(p.Inferences)} inferences{top}{fallback}{warnings}";
    }

    private static IReadOnlyList<string> Preprocessing(CaseResult c) => c.EndToEnd is { } e
        ? [Number(e.PreprocessingAloneMs ?? e.PreprocessingMs, "0.00"), (e.PreprocessingAloneShare ?? e.PreprocessingShare) is double share ? Number(100 * share, "0.0") + " %" : string.Empty]
        : [string.Empty, string.Empty];

    private static string[] Row(CaseResult c) =>
        [
            (c.Model.Resolution is int r ? $"{c.Model.Name}@{Number(r)}" : c.Model.Name) + (c.Model.Precision is string p ? " " + p : string.Empty) + (c.EndToEnd is null ? string.Empty : " e2e"),
            c.Provider,
            Number(c.Batch),
            Threads(c.Threads),
            Number(c.LatencyMs?.Median, "0.00"),
            Number(c.LatencyMs?.P99, "0.00"),
            c.LatencyMs is { Ci99HalfWidth: double h, Mean: double m } ? Number(100 * h / m, "0.0") + " %" : string.Empty,
            c.SamplesMs is { } s ? Number(s.Length) : string.Empty,
            Number(c.ThroughputIps, "0.0"),
            Number(c.AchievedGflops, "0.0"),
            Mib(c.Memory?.PeakRssBytes),
            Status(c),
        ];

    private static string Status(CaseResult c) => c.Status switch
    {
        CaseStatus.Ok when c.Stopping is { PrecisionTargetMet: false } => "ok (time cap before precision)",
        CaseStatus.Ok => "ok",
        _ => $"{c.Status.ToString().ToLowerInvariant()}: {Shorten(c.Reason)}",
    };

    private static string Shorten(string? reason) => reason is null ? string.Empty : reason.Length <= 40 ? reason : reason[..37] + "...";
}
