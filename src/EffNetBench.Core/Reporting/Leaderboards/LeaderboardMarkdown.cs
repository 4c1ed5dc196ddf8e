using System.Text;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Results;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>The leaderboard for people: one GitHub table per provider / hardware / batch / threads, its frontier, sources, legend.</summary>
internal static class LeaderboardMarkdown
{
    public static string Render(Leaderboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var text = new StringBuilder("# effnet-bench leaderboard\n\n");
        text.Append($"Each table is one provider on one machine at one batch size and thread setting: its Pareto frontier first, then every model ranked by {RankByNames.Describe(board.RankBy)}.\n");
        if (!board.Runs.IsEmpty)
        {
            text.Append("\nRuns:\n\n").Append(string.Concat(board.Runs.Select(r => $"- {r}\n")));
        }

        List<string> zoo = [.. board.Rows
            .Where(r => r.ModelSource == ModelSource.Zoo && r.Top1Source?.StartsWith(AccuracySources.MeasuredPrefix, StringComparison.Ordinal) != true)
            .Select(r => r.Model).Distinct()];
        if (zoo.Count > 0)
        {
            text.Append($"\n> **Accuracy of zoo models is not measured.** {string.Join(", ", zoo)} {(zoo.Count == 1 ? "runs" : "run")} with synthetic (untrained) weights: "
                + "their top-1 / top-5 are the published figures for the architecture (see the accuracy sources), not what these graphs score. "
                + "Latency, throughput and memory are measured.\n");
        }

        if (board.Rows.IsEmpty)
        {
            text.Append("\nNo case was measured, so there is nothing to rank (see the notes).\n");
        }

        foreach (IGrouping<(string, string, int, int?), LeaderboardRow> group in board.Rows.GroupBy(ParetoFrontier.Group))
        {
            Group(text, [.. group]);
        }

        Hardware(text, board);
        Profiled(text, board.Rows);
        LeaderboardPrecisionMarkdown.Costs(text, board);
        Sources(text, board.Rows);
        Legend(text, board.Rows);
        if (!board.Notes.IsEmpty)
        {
            text.Append("\n## Notes\n\n").Append(string.Concat(board.Notes.Select(n => $"- {n}\n")));
        }

        return text.ToString();
    }

    /// <summary>The frontier with its marginal costs first (does the bigger model pay?), then every row.</summary>
    private static void Group(StringBuilder text, List<LeaderboardRow> rows)
    {
        LeaderboardRow first = rows[0];
        text.Append($"\n## {first.Provider} on {first.Hardware}, batch {Number(first.Batch)}, threads {Threads(first.Threads)}\n\n");
        Frontier(text, rows);
        text.Append("\nAll models:\n\n");
        // The precision column appears when the table holds a converted model, so fp32-only leaderboards read as before.
        bool precision = rows.Any(r => r.Precision != Quantization.PrecisionNames.Fp32);
        IReadOnlyList<ServingColumns.Column> serving = ServingColumns.For(rows);
        List<string> headers = ["#", "model", "res", "params (M)", "GFLOPs", "top-1 %", "median ms", "p99 ms", "ms / image", "images/s", "peak RSS MB", .. serving.Select(c => c.Header), "Pareto", "accuracy source", "checkpoint"];
        string align = "rlrrrrrrrrr" + string.Concat(serving.Select(c => c.Align)) + "lll";
        if (precision)
        {
            headers.Insert(2, "precision");
            align = align.Insert(2, "l");
        }

        text.Append(MarkdownTable.Render(headers, align,
            rows.Select((r, i) =>
            {
                List<string> cells =
                [
                    Number(i + 1), r.Model, Number(r.Resolution), Number(r.Params / 1e6, "0.00"),
                    Number(r.Gflops, "0.00"), Number(r.Top1, "0.0"), Number(r.LatencyMedianMs, "0.00") + (r.PrecisionTargetMet == false ? " †" : string.Empty), Number(r.LatencyP99Ms, "0.00"),
                    Number(r.MsPerImage, "0.00"), Number(r.ThroughputIps, "0.0"), Number(r.PeakRssMb, "0"), .. serving.Select(c => c.Cell(r)),
                    r.Pareto ? (r.TiedWith is null ? "yes" : $"yes (tied with {r.TiedWith})") : string.Empty, r.Top1Source ?? string.Empty, r.AccuracyCheckpoint ?? string.Empty,
                ];
                if (precision)
                {
                    cells.Insert(2, r.Precision);
                }

                return (IReadOnlyList<string>)cells;
            })));
        foreach (LeaderboardRow r in rows.Where(r => r.Note is not null))
        {
            text.Append($"\n- {Label(r)}: {r.Note}");
        }

        if (rows.Any(r => r.Note is not null))
        {
            text.Append('\n');
        }
    }

    private static void Frontier(StringBuilder text, List<LeaderboardRow> rows)
    {
        List<LeaderboardRow> frontier = [.. rows.Where(r => r.Pareto).OrderBy(r => r.LatencyMedianMs).ThenBy(r => r.Top1)];
        if (frontier.Count == 0)
        {
            text.Append("No frontier: no model in this table has a top-1.\n");
            return;
        }

        text.Append("Pareto frontier, fastest first; each step's cost is per extra top-1 point over the previous frontier model:\n\n");
        text.Append(MarkdownTable.Render(
            ["model", "top-1 %", "ms / image", "GFLOPs", "+ top-1", "+ ms / image per point", "+ GFLOPs per point"],
            "lrrrrrr",
            frontier.Select(r => (IReadOnlyList<string>)
            [
                Label(r), Number(r.Top1, "0.0"), Number(r.MsPerImage, "0.00"), Number(r.Gflops, "0.00"),
                Number(r.MarginalTop1, "+0.0;-0.0;0.0"), Number(r.MarginalMsPerImagePerPoint, "0.00"), Number(r.MarginalGflopsPerPoint, "0.000"),
            ])));

        // Where the marginal ms per point is highest, scaling up stops paying; say so in words.
        List<(LeaderboardRow From, LeaderboardRow To)> steps = [.. frontier.Skip(1).Select((r, i) => (From: frontier[i], To: r)).Where(s => s.To.MarginalMsPerImagePerPoint is not null)];
        if (steps.Count >= 2)
        {
            (LeaderboardRow From, LeaderboardRow To) cheapest = steps.MinBy(s => s.To.MarginalMsPerImagePerPoint);
            (LeaderboardRow From, LeaderboardRow To) dearest = steps.MaxBy(s => s.To.MarginalMsPerImagePerPoint);
            text.Append($"\nScaling pays best from {Label(cheapest.From)} to {Label(cheapest.To)} ({Number(cheapest.To.MarginalMsPerImagePerPoint, "0.00")} ms per image per extra point) "
                + $"and least from {Label(dearest.From)} to {Label(dearest.To)} ({Number(dearest.To.MarginalMsPerImagePerPoint, "0.00")} ms per image per extra point).\n");
        }
    }

    private static void Hardware(StringBuilder text, Leaderboard board)
    {
        if (board.Hardware.IsEmpty)
        {
            return;
        }

        text.Append("\n## Across hardware and providers\n\n");
        text.Append($"Baseline: {board.Baseline}. Speed-up = baseline median latency / this median latency (2.00x = twice as fast).");
        bool offline = board.Hardware.Any(h => h.OfflineImagesPerSecond is not null);
        bool server = board.Hardware.Any(h => h.ServerLatencyBoundMs is not null);
        if (offline || server)
        {
            text.Append(" Serving ratios are this / baseline (2.00x = twice the images or requests per second); a max-rate ratio only within the same p99 bound.");
        }

        text.Append("\n\n");
        text.Append(MarkdownTable.Render(
            ["model", "batch", "hardware", "provider", "threads", "median ms", "images/s", "speed-up",
                .. offline ? ["offline images/s (best)", "offline x"] : Array.Empty<string>(),
                .. server ? ["server max rate", "max rate x"] : Array.Empty<string>(), "note"],
            "lrllrrrr" + (offline ? "rr" : string.Empty) + (server ? "rr" : string.Empty) + "l",
            board.Hardware.Select(h => (IReadOnlyList<string>)
            [
                LeaderboardBuilder.ModelLabel(h.Model, h.Resolution, h.Precision), Number(h.Batch), h.Hardware, h.Provider, Threads(h.Threads),
                Number(h.LatencyMedianMs, "0.00"), Number(h.ThroughputIps, "0.0"),
                h.SpeedUp is double s ? Number(s, "0.00") + "x" + (h.Baseline ? " (baseline)" : string.Empty) : string.Empty,
                .. offline ? [ServingColumns.Offline(h.OfflineImagesPerSecond, h.OfflineConcurrency, h.OfflineBatch), Times(h.OfflineRatio)] : Array.Empty<string>(),
                .. server ? [ServingColumns.Server(h.ServerMaxRate, h.ServerRateBracketHigh, h.ServerLatencyBoundMs), Times(h.MaxRateRatio)] : Array.Empty<string>(),
                h.Note ?? string.Empty,
            ])));
    }

    private static string Times(double? ratio) => ratio is double r ? Number(r, "0.00") + "x" : string.Empty;

    /// <summary>Only when a case was profiled (`run --profile`): its share of attainable compute and CPU fallback.</summary>
    private static void Profiled(StringBuilder text, IReadOnlyList<LeaderboardRow> rows)
    {
        List<LeaderboardRow> profiled = [.. rows.Where(r => r.ShareOfAttainable is not null || r.CpuFallback is not null)];
        if (profiled.Count == 0)
        {
            return;
        }

        text.Append("\n## Profiled cases: share of attainable compute\n\n");
        text.Append("Achieved GFLOP/s (the profile's FLOPs over the median latency) over the roofline at the case's intensity: min(compute peak, FLOPs per byte x bandwidth), with this machine's peaks measured by `run --profile`. "
            + "CPU fallback: a GPU-provider case with nodes on the CPU provider. Details: `effnet-bench profile RUN`.\n\n");
        text.Append(MarkdownTable.Render(
            ["model", "provider", "hardware", "batch", "threads", "of attainable", "CPU fallback"],
            "lllrrrl",
            profiled.Select(r => (IReadOnlyList<string>)
            [
                Label(r), r.Provider, r.Hardware, Number(r.Batch), Threads(r.Threads), Invariant.Percent(r.ShareOfAttainable, 1),
                r.CpuFallback switch { true => "yes", false => "no", null => string.Empty },
            ])));
    }

    private static void Sources(StringBuilder text, IReadOnlyList<LeaderboardRow> rows)
    {
        text.Append("\n## Accuracy sources\n\n");
        foreach (IGrouping<string, LeaderboardRow> source in rows.Where(r => r.Top1Source is not null).GroupBy(r => r.Top1Source!))
        {
            text.Append($"- **{source.Key}** ({Models(source)}): {AccuracySources.Describe(source.Key)}\n");
        }

        List<LeaderboardRow> without = [.. rows.Where(r => r.Top1 is null)];
        if (without.Count > 0)
        {
            text.Append($"- **none** ({Models(without)}): no source has a top-1 for these, so their accuracy cells are empty and they are not on a frontier\n");
        }
    }

    private static string Models(IEnumerable<LeaderboardRow> rows) => string.Join(", ", rows.Select(Label).Distinct());

    private static void Legend(StringBuilder text, IReadOnlyList<LeaderboardRow> rows)
    {
        text.Append(
        """

        ## How to read

        - **Tables**: one per provider, hardware, batch size and thread setting; the Pareto frontier and its costs are computed within a table, never across.
        - **hardware**: the CPU model, logical cores and GPUs the run recorded. **threads**: intra-op threads; default is ONNX Runtime's choice.
        - **GFLOPs**: per image, counted from the graph (2 x multiply-adds + element-wise work). The paper's "FLOPS" are multiply-adds (gmacs in the CSV).
        - **median / p99 ms**: latency of one inference of the whole batch. **ms / image**: median ms divided by the batch size, so it compares with the per-image GFLOPs. **images/s**: images per second over the measured time.
        - **Pareto**: no other model in the same table is at least as accurate and at least as fast (median latency), and better in one; only these are worth choosing on latency and accuracy. A latency difference within the two cases' 99 % confidence intervals drops neither: both stay, marked **tied with** the other (`tied_with` in the CSV and JSON).
        - **†** after a median: the case stopped (time cap) before its precision target, so its latency is less certain than asked (`precision_target_met` false in the CSV and JSON).
        - **+ top-1**: the top-1 points a frontier model gains over the previous, faster frontier model.
        - **+ ms / image per point**: the extra ms per image a frontier model costs over the previous frontier model, divided by + top-1; where it climbs steeply, the bigger model stops paying.
        - **+ GFLOPs per point**: the extra GFLOPs per image a frontier model costs over the previous frontier model, divided by + top-1.
        - **checkpoint**: the trained weights the top-1 is of (a timm model name with its pretrained tag, or the evaluated model file); empty for a published table, which the accuracy source names.
        - The averages cost / top-1 % (gflops_per_top1_point, ms_per_top1_point, top1_per_gflop in the CSV and JSON) are not shown: top-1 moves little between models, so they rank models as cost alone does.
        - An empty cell is an unknown value: no figure is made up.

        """);
        foreach (string line in ServingColumns.Legend(rows))
        {
            text.Append(line).Append('\n');
        }
    }

    private static string Label(LeaderboardRow r) => LeaderboardBuilder.ModelLabel(r.Model, r.Resolution, r.Precision);
}
