using System.Globalization;
using System.Text;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Reporting.Plots;
using EffNetBench.Core.Results;
using EffNetBench.Core.Reporting.Rendering;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Regression;

/// <summary>Renders a <see cref="History"/>: a Markdown trend table per case, and one CSV row per case and run.</summary>
public static class HistoryReport
{
    public const string MarkdownFileName = "history.md";
    public const string CsvFileName = "history.csv";

    private static readonly string[] CsvHeaders =
    [
        "case_id", "model", "resolution", "provider", "batch", "threads", "run_index", "label", "run_id", "started_utc",
        "tool_version", "onnxruntime", "median_ms", "p99_ms", "samples", "median_ratio", "ratio_to_first", "verdict", "note", "reason",
    ];

    /// <summary>Median and p99 latency per release for every case, regressions marked in red (PNG and SVG).</summary>
    public static IReadOnlyList<string> Plot(History history, string directory) =>
        HistoryPlots.LatencyHistory(
            [.. history.Cases.SelectMany(c => c.Points
                .Where(p => p.MedianMs is not null && p.P99Ms is not null)
                .Select(p => new HistoryPoint(c.Case.Id, p.RunIndex, p.Label, p.MedianMs!.Value, p.P99Ms!.Value, p.Verdict == Verdict.Slower)))],
            directory);


    public static string Markdown(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var text = new StringBuilder();
        text.Append("## effnet-bench history\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Runs, {OrderName(history.LabelBy)}, labelled by {LabelName(history.LabelBy)}:\n\n");
        text.Append(MarkdownTable.Render(
            ["#", "label", "run", "started (UTC)", "tool", "ONNX Runtime", "host"],
            "rllllll",
            history.Runs.Select((r, i) => (IReadOnlyList<string>)
                [Exact(i + 1), r.Label, r.Id, UtcMinute(r.StartedUtc), r.ToolVersion, r.OnnxRuntime, r.Hostname])));
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture,
            $"Each run is judged against the previous run that measured the case, by the test of `compare` ({history.Options.Describe()}).\n\n");

        string[] regressions = [.. history.Cases.SelectMany(c => c.Points
            .Where(p => p.Verdict == Verdict.Slower)
            .Select(p => $"`{c.Case.Id}` at {MarkdownTable.Escape(p.Label)} ({Change(p.MedianRatio)})"))];
        text.Append(regressions.Length == 0 ? "**No regressions.**" : "**Regressions:** " + string.Join("; ", regressions)).Append("\n\n");
        foreach (string warning in history.Warnings)
        {
            text.Append("> **Warning:** ").Append(MarkdownTable.Escape(warning)).Append("\n\n");
        }

        foreach (CaseTrend trend in history.Cases)
        {
            text.Append("### ").Append(MarkdownTable.Escape(trend.Case.Id)).Append("\n\n");
            text.Append(MarkdownTable.Render(
                ["run", "started (UTC)", "median ms", "p99 ms", "vs previous", "vs first", "samples", "verdict"],
                "llrrrrrl",
                trend.Points.Select(p => (IReadOnlyList<string>)
                [
                    p.Label,
                    UtcMinute(history.Runs[p.RunIndex].StartedUtc),
                    Ms(p.MedianMs),
                    Ms(p.P99Ms),
                    Change(p.MedianRatio),
                    p.RunIndex == trend.Points[0].RunIndex ? string.Empty : Change(p.RatioToFirst),
                    Exact(p.Samples),
                    VerdictCell(p),
                ])));
            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    public static string Csv(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Tabular.Csv(CsvHeaders, history.Cases.SelectMany(c => c.Points.Select(p =>
        {
            HistoryRun run = history.Runs[p.RunIndex];
            return (IReadOnlyList<string>)
            [
                c.Case.Id, c.Case.Model, Exact(c.Case.Resolution), c.Case.Provider, Exact(c.Case.Batch), Threads(c.Case.Threads),
                Exact(p.RunIndex), p.Label, run.Id, UtcSecond(run.StartedUtc), run.ToolVersion, run.OnnxRuntime,
                Exact(p.MedianMs), Exact(p.P99Ms), Exact(p.Samples), Exact(p.MedianRatio), Exact(p.RatioToFirst),
                p.Verdict is Verdict v ? v.Name() : string.Empty, p.Note ?? string.Empty, p.Reason?.Name() ?? string.Empty,
            ];
        })));
    }

    /// <summary>Writes history.md and history.csv into <paramref name="outDir"/> (created if needed) and returns their paths.</summary>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static IReadOnlyList<string> WriteFiles(History history, string outDir)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        return ReportFiles.Write(Path.GetFullPath(outDir), (MarkdownFileName, Markdown(history)), (CsvFileName, Csv(history)));
    }

    private static string LabelName(HistoryLabel label) => label switch
    {
        HistoryLabel.Tool => "effnet-bench version",
        HistoryLabel.OnnxRuntime => "ONNX Runtime version",
        _ => "run label (the run id where there is none)",
    };

    private static string OrderName(HistoryLabel label) =>
        label == HistoryLabel.Tool ? "in order of effnet-bench version (SemVer precedence; oldest first within a version)" : "oldest first";

    private static string VerdictCell(TrendPoint point) => point.Verdict switch
    {
        null => string.Empty,
        Verdict.Slower => "**slower**",
        Verdict.Inconclusive when point.Note is not null => $"inconclusive: {point.Note}",
        Verdict v => v.Name(),
    };
}
