using System.Collections.Immutable;
using System.Text;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>profile.md: the machine's peaks, each profiled case's tables (per kind, per stage, placement, overhead)
/// against the roofline, the time share per kind across variants, and the scaling steps with their verdict.</summary>
public static class ProfileMarkdown
{
    public static string Render(ProfileDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var text = new StringBuilder();
        text.Append("# Where the time goes\n\n");
        foreach (string note in doc.Notes)
        {
            text.Append("- note: ").Append(MarkdownTable.Escape(note)).Append('\n');
        }

        if (doc.Notes.Length > 0)
        {
            text.Append('\n');
        }

        AppendPeaks(text, doc);
        AppendScaling(text, doc);
        AppendShares(text, doc);
        foreach (ProfiledCase c in doc.Cases)
        {
            AppendCase(text, c);
        }

        return text.ToString();
    }

    private static void AppendPeaks(StringBuilder text, ProfileDocument doc)
    {
        text.Append("## Machine peaks (the roofline's roof)\n\n");
        MachinePeaks[] peaks = [.. doc.Cases.Select(c => c.Peaks).OfType<MachinePeaks>().Distinct()];
        if (peaks.Length == 0)
        {
            text.Append("No machine peaks in these runs, so no roofline: `effnet-bench run --profile` measures them (cached per machine and runtime).\n\n");
            return;
        }

        text.Append(MarkdownTable.Render(
            ["provider", "threads", "CPU", "ONNX Runtime", "compute GFLOP/s", "bandwidth GB/s", "plain loop GB/s", "ridge FLOP/byte", "measured (UTC)"],
            "llllrrrrl",
            peaks.Select(p => (IReadOnlyList<string>)[p.Provider, Invariant.Threads(p.Threads), MarkdownTable.Escape(p.Cpu), p.OnnxRuntime,
                Invariant.Number(p.ComputeGflops, "0.0"), Invariant.Number(p.BandwidthGBps, "0.0"), Invariant.Number(p.LoopBandwidthGBps, "0.0"),
                Invariant.Number(p.RidgeIntensity, "0.0"), Invariant.UtcMinute(p.MeasuredUtc)])));
        text.Append('\n');
        foreach (string method in peaks.Select(p => p.Method).Distinct())
        {
            text.Append("Method: ").Append(MarkdownTable.Escape(method)).Append("\n\n");
        }

        foreach (MachinePeaks p in peaks)
        {
            if (Benchmarking.Peaks.RunPeaks.CrossCheckProblem(p) is string problem)
            {
                text.Append($"Cross-check ({p.Provider}, threads {Invariant.Threads(p.Threads)}): {MarkdownTable.Escape(problem)}.\n\n");
            }
        }

        text.Append("A point's attainable GFLOP/s is min(compute peak, FLOPs per byte x bandwidth) with the bytes each node reads and writes; "
            + "the bandwidth roof is main memory's, so a small operator whose tensors stay in cache can exceed 100 % of it.\n\n");
    }

    private static void AppendScaling(StringBuilder text, ProfileDocument doc)
    {
        if (doc.Scaling.IsEmpty)
        {
            return;
        }

        text.Append("## Scaling: what each bigger variant pays for\n\n");
        foreach (ScalingSeries series in doc.Scaling)
        {
            text.Append("### ").Append(MarkdownTable.Escape(series.Setting)).Append("\n\n");
            text.Append(MarkdownTable.Render(
                ["step", "FLOPs growth", "latency growth", "extra ms", "top-1 gain (points)", "top-1 source", "extra ms per top-1 point", "extra node time went to"],
                "lrrrrlrl",
                series.Steps.Select(s => (IReadOnlyList<string>)[$"{s.From} -> {s.To}", Times(s.FlopsGrowth), Times(s.LatencyGrowth), Invariant.Ms(s.ExtraMs),
                    Invariant.Number(s.Top1Gain, "+0.0#;-0.0#;0.0"), MarkdownTable.Escape(s.Top1Source), Invariant.Ms(s.MsPerTop1Point), Absorbed(s.Absorbed)])));
            text.Append('\n').Append(MarkdownTable.Escape(series.Verdict)).Append("\n\n");
        }
    }

    private static void AppendShares(StringBuilder text, ProfileDocument doc)
    {
        if (doc.Cases.Length < 2)
        {
            return;
        }

        string[] kinds = [.. doc.Cases.SelectMany(c => c.Profile.Kinds).GroupBy(k => k.Name).OrderByDescending(g => g.Sum(k => k.TimeMs)).Select(g => g.Key)];
        text.Append("## Time share per operator kind\n\n");
        text.Append(MarkdownTable.Render(
            ["kind", .. doc.Cases.Select(c => $"{c.Model} {c.Case.Provider} b{Invariant.Number(c.Case.Batch)} t{Invariant.Threads(c.Case.Threads)}")],
            "l" + new string('r', doc.Cases.Length),
            kinds.Select(k => (IReadOnlyList<string>)[k, .. doc.Cases.Select(c => Invariant.Percent(c.Profile.Kinds.FirstOrDefault(g => g.Name == k)?.TimeShare, 1))])));
        text.Append('\n');
    }

    private static void AppendCase(StringBuilder text, ProfiledCase c)
    {
        ProfileSummary p = c.Profile;
        text.Append("## ").Append(MarkdownTable.Escape(c.Title)).Append("\n\n");
        text.Append($"Profiled inferences: {Invariant.Number(p.Inferences)}; trace: {MarkdownTable.Escape(p.TraceFile ?? "none written")}. ");
        text.Append($"Node time {Invariant.Ms(p.NodeTimeMs)} ms vs measured median {Invariant.Ms(p.CaseMedianMs)} ms: runtime overhead between nodes {Invariant.Ms(p.OverheadMs)} ms"
            + (p.CaseMedianMs > 0 ? $" ({Invariant.Percent(p.OverheadMs / p.CaseMedianMs, 1)})" : string.Empty) + ".\n");
        if (c.Peaks is MachinePeaks peaks && Roofline.Case(c.Model, p, peaks) is RooflinePoint whole)
        {
            text.Append($"Whole case: {Invariant.Number(whole.AchievedGflops, "0.00")} GFLOP/s at {Invariant.Number(whole.Intensity, "0.00")} FLOP/byte, "
                + $"{Invariant.Percent(whole.ShareOfAttainable, 1)} of the attainable {Invariant.Number(whole.AttainableGflops, "0.0")} GFLOP/s ({(whole.MemoryBound(peaks.RidgeIntensity) ? "memory" : "compute")} roof).\n");
        }
        else if (c.Peaks is null)
        {
            text.Append("No machine peaks for this provider and thread setting in the run: no share of attainable.\n");
        }

        if (p.CpuFallback)
        {
            text.Append("**CPU fallback:** this case ran on a GPU provider, but some nodes ran on the CPU provider (see placement).\n");
        }

        text.Append('\n');
        AppendGroups(text, "Per operator kind", p.Kinds, c.Peaks);
        if (!p.Stages.IsEmpty)
        {
            AppendGroups(text, "Per stage", p.Stages, c.Peaks);
        }

        text.Append("Placement:\n\n");
        text.Append(MarkdownTable.Render(["provider", "nodes", "time ms", "time share"], "lrrr",
            p.Placement.Select(x => (IReadOnlyList<string>)[x.Provider, Invariant.Number(x.Nodes), Invariant.Ms(x.TimeMs), Invariant.Percent(x.TimeShare, 1)])));
        text.Append('\n');
        int unmatched = p.Nodes.Count(n => !n.Matched);
        if (unmatched > 0)
        {
            text.Append($"Unmatched nodes (timed, not joined with the analysis, so without FLOPs): {Invariant.Number(unmatched)}, "
                + $"{Invariant.Ms(p.Nodes.Where(n => !n.Matched).Sum(n => n.MedianUs) / 1000)} ms.\n\n");
        }

        foreach (string warning in p.Warnings)
        {
            text.Append("- warning: ").Append(MarkdownTable.Escape(warning)).Append('\n');
        }

        if (p.Warnings.Length > 0)
        {
            text.Append('\n');
        }
    }

    private static void AppendGroups(StringBuilder text, string title, ImmutableArray<ProfileGroup> groups, MachinePeaks? peaks)
    {
        text.Append(title).Append(":\n\n");
        text.Append(MarkdownTable.Render(
            ["name", "nodes", "time ms", "time share", "FLOP share", "GFLOP/s", "FLOP/byte", "attainable GFLOP/s", "of attainable", "roof"],
            "lrrrrrrrrl",
            groups.Select(g =>
            {
                RooflinePoint? point = peaks is null ? null : Roofline.Point(g, peaks);
                return (IReadOnlyList<string>)[g.Name, Invariant.Number(g.Nodes), Invariant.Ms(g.TimeMs), Invariant.Percent(g.TimeShare, 1), Invariant.Percent(g.FlopShare, 1),
                    Invariant.Number(g.AchievedGflops, "0.00"), Invariant.Number(g.Intensity, "0.00"), Invariant.Number(point?.AttainableGflops, "0.0"),
                    Invariant.Percent(point?.ShareOfAttainable, 1), point is null ? string.Empty : point.MemoryBound(peaks!.RidgeIntensity) ? "memory" : "compute"];
            })));
        text.Append('\n');
    }

    private static string Times(double? ratio) => ratio is double r ? Invariant.Number(r, "0.00") + "x" : string.Empty;

    private static string Absorbed(ImmutableArray<AbsorbedTime> absorbed) =>
        string.Join(", ", absorbed.Where(a => a.ExtraMs > 0).Take(3).Select(a => $"{a.Kind} {Invariant.Percent(a.Share, 0)}"));
}
