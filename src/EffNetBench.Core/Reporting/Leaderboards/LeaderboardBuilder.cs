using System.Collections.Immutable;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Turns runs, possibly from several machines, into one leaderboard.</summary>
public static class LeaderboardBuilder
{
    /// <exception cref="ReportOptionException"><see cref="LeaderboardOptions.BaselineHardware"/> matches no hardware, or several.</exception>
    public static Leaderboard Build(IReadOnlyList<BenchmarkResults> runs, AccuracyTable accuracy, LeaderboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(accuracy);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        List<BenchmarkResults> distinct = DistinctRuns(runs, notes);
        List<MeasuredCase> cases = Collect(distinct, accuracy, notes);
        string? baselineHardware = HardwareComparer.BaselineHardware(cases, options.BaselineHardware);

        List<LeaderboardRow> marked = ParetoFrontier.Mark([.. cases.Select(c => c.Row)]);
        cases = [.. cases.Select((c, i) => c with { Row = marked[i] })];
        (ImmutableArray<HardwareComparison> hardware, string? baseline) = HardwareComparer.Compare(cases, baselineHardware, notes);
        notes.AddRange(accuracy.Notes);

        ImmutableArray<LeaderboardRow> rows = Rank(marked, options.RankBy);
        return new Leaderboard(rows, hardware, [.. notes])
        {
            PrecisionCosts = PrecisionCosts.Compute(rows),
            RankBy = options.RankBy,
            Baseline = baseline,
            Runs = [.. distinct.Select(Describe)],
            AccuracySources = [.. rows.Select(r => r.Top1Source).OfType<string>().Distinct().Select(s => $"{s}: {AccuracySources.Describe(s)}")],
            ServerCurves = [.. cases.Where(c => c.Case?.Scenarios?.Server is not null).Select(c => Curve(c.Row, c.Case!.Scenarios!.Server!))],
        };
    }

    private static ServerCurve Curve(LeaderboardRow row, ServerResult server) =>
        new(row.Model, row.Resolution, row.Provider, row.Hardware, row.Batch, row.Threads, server.LatencyBoundMs, server.BoundSource,
            server.MaxRateWithinBound, server.RateBracketHigh, server.Points.IsDefault ? [] : [.. server.Points.OrderBy(p => p.OfferedRate)]);

    private static List<BenchmarkResults> DistinctRuns(IReadOnlyList<BenchmarkResults> runs, List<string> notes)
    {
        var distinct = new List<BenchmarkResults>();
        foreach (BenchmarkResults run in runs)
        {
            if (distinct.Any(r => r.Run.Id == run.Run.Id && r.Run.StartedUtc == run.Run.StartedUtc && r.Environment.Hostname == run.Environment.Hostname))
            {
                notes.Add($"run {run.Run.Id} was given more than once; it is counted once");
                continue;
            }

            distinct.Add(run);
        }

        return distinct;
    }

    /// <summary>One case per row key in first-seen order; a key measured in several runs keeps the latest run's figures.</summary>
    private static List<MeasuredCase> Collect(List<BenchmarkResults> runs, AccuracyTable accuracy, List<string> notes)
    {
        var cases = new List<MeasuredCase>();
        var index = new Dictionary<(string, int?, string, string, int, int?, string?), int>();
        foreach (BenchmarkResults run in runs)
        {
            string hardware = HardwareLabel.For(run.Environment);
            foreach (CaseResult c in run.Cases)
            {
                string what = $"{ModelLabel(c.Model.Name, c.Model.Resolution, c.Model.Precision)} {c.Provider} batch {Int(c.Batch)} threads {Rendering.Invariant.Threads(c.Threads)} on {hardware}";
                if (c.EndToEnd is { } e2e)
                {
                    // The leaderboard ranks networks; an image-to-class latency next to them would mix two measures.
                    notes.Add($"end-to-end, not ranked: {what} (run {run.Run.Id}): {(c.LatencyMs is { } l ? $"median {Rendering.Invariant.Number(l.Median, "0.00")} ms" : c.Status.ToString().ToLowerInvariant())}{((e2e.PreprocessingAloneShare ?? e2e.PreprocessingShare) is double share ? $", preprocessing {Rendering.Invariant.Number(100 * share, "0.0")} %" : string.Empty)}");
                    continue;
                }

                if (c.Status != CaseStatus.Ok || c.LatencyMs is null)
                {
                    string status = c.Status == CaseStatus.Ok ? "no latency" : c.Status.ToString().ToLowerInvariant();
                    notes.Add($"{status}: {what} (run {run.Run.Id}){(c.Reason is null ? string.Empty : ": " + c.Reason)}");
                    continue;
                }

                var measured = new MeasuredCase(Row(c, hardware, accuracy, run), run) { Case = c };
                var key = (c.Model.Name, c.Model.Resolution, c.Provider, hardware, c.Batch, c.Threads, c.Model.Precision);
                if (index.TryGetValue(key, out int at))
                {
                    BenchmarkResults earlier = cases[at].Run;
                    bool later = run.Run.StartedUtc >= earlier.Run.StartedUtc;
                    BenchmarkResults shown = later ? run : earlier;
                    notes.Add($"measured in runs {earlier.Run.Id} and {run.Run.Id}: {what}; the figures of {shown.Run.Id}, which started later, are shown");
                    cases[at] = later ? measured : cases[at];
                    continue;
                }

                index[key] = cases.Count;
                cases.Add(measured);
            }
        }

        return cases;
    }

    private static LeaderboardRow Row(CaseResult c, string hardware, AccuracyTable accuracy, BenchmarkResults run)
    {
        ModelInfo m = c.Model;
        LatencySummary latency = c.LatencyMs!;
        AccuracyEntry? entry = accuracy.Find(m);
        double? top1 = entry?.Top1, gflops = m.Flops / 1e9;
        var notes = new List<string>();
        if (entry is null && accuracy.Miss(m) is string miss)
        {
            notes.Add(miss);
        }

        if (c.Profile is { CpuFallback: true } fallback)
        {
            notes.Add($"CPU fallback: {string.Join(", ", fallback.Placement.Where(p => p.Provider == "CPUExecutionProvider").Select(p => $"{Rendering.Invariant.Number(p.Nodes)} nodes ({Rendering.Invariant.Percent(p.TimeShare, 1)} of node time)"))} ran on the CPU provider");
        }

        if (c.Conversion is { SyntheticCalibration: true })
        {
            notes.Add("int8 calibrated on synthetic inputs (no calibration images)");
        }

        if (c.Stopping is { PrecisionTargetMet: false })
        {
            notes.Add("time cap reached before the precision target: the latency CI is wider than asked");
        }

        return new LeaderboardRow(m.Name, m.Resolution, c.Provider, hardware, c.Batch, c.Threads, m.Params, m.Macs / 1e9, gflops,
            top1, entry?.Source, entry?.Top5, latency.Median, latency.P90, latency.P99, c.ThroughputIps, c.Memory?.PeakRssBytes / 1048576.0,
            Ratio(latency.Median, c.Batch), Pareto: false, MarginalTop1: null, MarginalMsPerImagePerPoint: null, MarginalGflopsPerPoint: null,
            Ratio(gflops, top1), Ratio(latency.Median, top1), Ratio(top1, gflops), notes.Count == 0 ? null : string.Join("; ", notes))
        {
            AccuracyCheckpoint = entry?.Checkpoint,
            ModelSource = m.Source,
            LatencyCi99HalfWidthMs = latency.Ci99HalfWidth,
            PrecisionTargetMet = c.PrecisionTargetMet,
            OfflineImagesPerSecond = c.Scenarios?.Offline?.Best.ImagesPerSecond,
            OfflineConcurrency = c.Scenarios?.Offline?.Best.Concurrency,
            OfflineBatch = c.Scenarios?.Offline?.Best.Batch,
            OfflineCpuMsPerImage = c.Scenarios?.Offline?.Best.CpuMsPerImage,
            ServerMaxRate = c.Scenarios?.Server?.MaxRateWithinBound,
            ServerRateBracketHigh = c.Scenarios?.Server?.RateBracketHigh,
            ServerLatencyBoundMs = c.Scenarios?.Server?.LatencyBoundMs,
            ServerBoundSource = c.Scenarios?.Server?.BoundSource,
            CpuMsPerImage = c.CpuMsPerImage,
            Spin = c.Spin,
            ShareOfAttainable = c.Profile is { } profile && Profiles.Roofline.PeaksFor(run, c) is { } peaks
                ? Profiles.Roofline.Case(m.Name, profile, peaks)?.ShareOfAttainable
                : null,
            CpuFallback = c.Profile?.CpuFallback,
            Precision = m.Precision ?? Quantization.PrecisionNames.Fp32,
        };
    }

    /// <summary>Groups in first-seen order; within a group by the metric, unknown values last, then by model.</summary>
    private static ImmutableArray<LeaderboardRow> Rank(List<LeaderboardRow> rows, RankBy rankBy)
    {
        List<(string, string, int, int?)> groups = [.. rows.Select(ParetoFrontier.Group).Distinct()];
        return [.. rows
            .OrderBy(r => groups.IndexOf(ParetoFrontier.Group(r)))
            .ThenBy(r => Metric(r, rankBy) is null)
            .ThenBy(r => Metric(r, rankBy))
            .ThenBy(r => r.Model, StringComparer.Ordinal)
            .ThenBy(r => r.Resolution)
            .ThenBy(r => Quantization.PrecisionNames.Order(r.Precision))];
    }

    /// <summary>The ranking metric, negated where more is better so that ascending order ranks best first.</summary>
    private static double? Metric(LeaderboardRow r, RankBy rankBy) => rankBy switch
    {
        RankBy.Top1 => -r.Top1,
        RankBy.Latency => r.LatencyMedianMs,
        RankBy.Throughput => -r.ThroughputIps,
        RankBy.GflopsPerPoint => r.GflopsPerTop1Point,
        RankBy.OfflineThroughput => -r.OfflineImagesPerSecond,
        RankBy.MaxRate => -r.ServerMaxRate,
        _ => r.MsPerTop1Point,
    };

    private static double? Ratio(double? numerator, double? denominator) =>
        numerator is double n && denominator is double d && d > 0 && double.IsFinite(n / d) ? n / d : null;

    private static string Describe(BenchmarkResults run) =>
        $"{run.Run.Id}: {HardwareLabel.For(run.Environment)}, {run.Environment.Os}, ONNX Runtime {run.Environment.OnnxRuntime}, "
        + $"effnet-bench {run.Tool.Version}, started {Rendering.Invariant.UtcMinute(run.Run.StartedUtc)} UTC, preset {run.Run.Preset}"
        + (run.Run.Label is { Length: > 0 } label ? $", label {label}" : string.Empty);

    internal static string ModelLabel(string name, int? resolution) =>
        resolution is int r ? $"{name}@{Int(r)}" : name;

    /// <summary>"b0@224", or "b0@224 int8" for a converted model.</summary>
    internal static string ModelLabel(string name, int? resolution, string? precision) =>
        ModelLabel(name, resolution) + (precision is null or "fp32" ? string.Empty : " " + precision);

    private static string Int(long value) => Rendering.Invariant.Number(value);
}
