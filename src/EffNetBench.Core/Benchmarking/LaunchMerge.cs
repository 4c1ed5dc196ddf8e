using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Providers.Runtimes;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>
/// One launch's line and the merged case of a run with several launches. results.jsonl holds one line per finished
/// launch (a case result whose <see cref="CaseResult.Launches"/> is that one launch); results.json one merged entry per
/// case: every launch's samples pooled in launch order, the statistics recomputed over the pool, each launch kept.
/// </summary>
public static class LaunchMerge
{
    /// <summary>The results.jsonl line of one launch: the measured case with its <see cref="LaunchResult"/>.</summary>
    /// <param name="order">The launch's 0-based position in the run's schedule.</param>
    public static CaseResult AsLaunch(CaseResult measured, PlannedCase planned, int order)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(planned);
        CaseResult tagged = measured with { Arm = planned.Arm, OrtLibrary = planned.OrtLibrary, OrtPackage = RuntimeStore.PackageOf(planned.OrtLibrary), Launch = planned.LaunchCount > 1 ? planned.Launch : null };
        if (planned.LaunchCount > 1 && measured.Status == CaseStatus.Failed)
        {
            // A failed launch fails its case (not retried: a retry would hide a launch-dependent failure); the line says which.
            return tagged with { Reason = string.Create(CultureInfo.InvariantCulture, $"launch {planned.Launch} of {planned.LaunchCount}: {measured.Reason}") };
        }

        if (planned.LaunchCount == 1 || measured.Status != CaseStatus.Ok || measured.LatencyMs is not { } latency || measured.SamplesMs is not { } samples)
        {
            return tagged;
        }

        return tagged with
        {
            Launches = [new LaunchResult(planned.Launch, order, latency, samples, measured.Stopping, measured.ColdStartMs, measured.Memory, measured.Noise)],
        };
    }

    /// <summary>An interrupted run read from its results.jsonl (<see cref="ResultsStore.Load"/> with allowIncomplete), one
    /// line per launch, with one entry per case merged as results.json would merge them (in first-line order); a
    /// finished run as it is.</summary>
    public static BenchmarkResults MergeRun(BenchmarkResults run)
    {
        ArgumentNullException.ThrowIfNull(run);
        int launches = BenchmarkPreset.LaunchesFor(run.Settings);
        List<IGrouping<string, CaseResult>> cases = [.. run.Cases.GroupBy(c => c.Id, StringComparer.Ordinal)];
        return cases.All(g => g.Count() == 1 && g.First().Launch is null)
            ? run
            : run with { Cases = [.. cases.Select(g => Merge([.. g], launches))] };
    }

    /// <summary>
    /// Whether a case needs no more launches: it has <paramref name="launches"/> measured ones, or one that was not ok
    /// (a failed launch fails the case, a skip skips it; neither is retried).
    /// </summary>
    public static bool IsDone(IReadOnlyList<CaseResult> lines, int launches) =>
        lines.Any(l => l.Status != CaseStatus.Ok) || lines.Count >= launches;

    /// <summary>The case from its launches' lines, in launch order. A single line is the case itself (with its launch
    /// when the case was planned with several). A line that is
    /// not ok makes the case that status and reason ("launch 2 of 3: ..."), the earlier launches kept in Launches.</summary>
    public static CaseResult Merge(IReadOnlyList<CaseResult> lines, int launches)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException("a case needs at least one launch", nameof(lines));
        }

        var ordered = lines.OrderBy(l => l.LaunchIndex).ToList();
        ImmutableArray<LaunchResult> kept = [.. ordered.Where(l => l.Status == CaseStatus.Ok).SelectMany(l => l.Launches ?? [])];
        if (ordered.FirstOrDefault(l => l.Status != CaseStatus.Ok) is CaseResult bad)
        {
            return bad with { Launches = kept.IsEmpty ? null : kept, Launch = null };
        }

        if (ordered.Count == 1)
        {
            return ordered[0] with { Launch = null }; // one launch run, or the first launch of an interrupted case (its one launch kept)
        }

        CaseResult first = ordered[0];
        ImmutableArray<double> pooled = [.. ordered.SelectMany(l => l.SamplesMs ?? [])];
        LatencyStatistics statistics = LatencyStatistics.From(pooled);
        double median = statistics.Median;
        double? flopsPerMs = first.AchievedGflops is double g && first.LatencyMs is { Median: > 0 } l ? g * l.Median : null;
        return first with
        {
            LatencyMs = LatencySummary.From(statistics),
            SamplesMs = pooled,
            WarmupCount = ordered.Sum(l => l.WarmupCount ?? 0),
            Stopping = first.Stopping is { } stopping
                ? stopping with
                {
                    MinSamples = ordered.Sum(l => l.Stopping?.MinSamples ?? 0),
                    TimeCapS = ordered.Sum(l => l.Stopping?.TimeCapS ?? 0),
                    PrecisionTargetMet = ordered.All(l => l.Stopping?.PrecisionTargetMet == true),
                    StoppedBy = ordered.Select(l => l.Stopping?.StoppedBy).FirstOrDefault(r => r == StopReason.TimeCap) ?? stopping.StoppedBy,
                }
                : null,
            ThroughputIps = first.Batch * 1000.0 / statistics.Mean,
            AchievedGflops = flopsPerMs is double f && median > 0 ? f / median : null,
            Memory = first.Memory is { } memory
                ? memory with { PeakRssBytes = ordered.Max(l => l.Memory?.PeakRssBytes) }
                : null,
            Noise = Pool(ordered.Select(l => l.Noise).ToList()),
            HarnessCheck = ordered[^1].HarnessCheck,
            EndToEnd = ordered[^1].EndToEnd,
            // Profiling and serving scenarios run in one launch (the last); the merged case carries them.
            // Its node time is compared with the case's pooled median, not the profiled launch's own.
            Profile = ordered.LastOrDefault(l => l.Profile is not null)?.Profile is { } profile ? profile with { CaseMedianMs = median } : null,
            Scenarios = ordered.LastOrDefault(l => l.Scenarios is not null)?.Scenarios,
            CpuMsPerImage = ordered.All(l => l.CpuMsPerImage is not null && l.SamplesMs is not null)
                ? ordered.Sum(l => l.CpuMsPerImage!.Value * l.SamplesMs!.Value.Length) / Math.Max(1, ordered.Sum(l => l.SamplesMs!.Value.Length))
                : null,
            Launches = kept,
            Launch = null,
        };
    }

    /// <summary>The launches' noise together: times summed, load from the first launch's start to the last's end.</summary>
    private static NoiseInfo? Pool(List<NoiseInfo?> noises)
    {
        if (noises.Any(n => n is null))
        {
            return null;
        }

        var all = noises.Select(n => n!).ToList();
        double? Sum(Func<NoiseInfo, double?> field) => all.All(n => field(n) is not null) ? all.Sum(n => field(n)!.Value) : null;
        return new NoiseInfo(all.Sum(n => n.WallSeconds), all.Sum(n => n.OwnCpuSeconds), Sum(n => n.OtherCpuSeconds), Sum(n => n.StealSeconds),
            all[0].LogicalCores, all[0].LoadAverageStart, all[^1].LoadAverageEnd);
    }
}
