using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>
/// The roofline model (Williams, Waterman and Patterson, "Roofline: an insightful visual performance model for
/// multicore architectures", CACM 2009): attainable GFLOP/s = min(compute peak, arithmetic intensity x bandwidth).
/// Points are a profile's operator kinds, stages or whole case against this machine's measured peaks.
/// </summary>
public static class Roofline
{
    /// <summary>A group's point; null when it has no FLOPs, no bytes or no time (nothing to place).</summary>
    public static RooflinePoint? Point(ProfileGroup group, MachinePeaks peaks)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Point(group.Name, group.Flops, group.Bytes, group.TimeMs, peaks);
    }

    public static RooflinePoint? Point(string name, double flops, double bytes, double timeMs, MachinePeaks peaks)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        if (!(flops > 0 && bytes > 0 && timeMs > 0) || !(peaks.ComputeGflops > 0 && peaks.BandwidthGBps > 0))
        {
            return null;
        }

        double intensity = flops / bytes;
        return new RooflinePoint(name, flops, bytes, timeMs, intensity, flops / (timeMs * 1e6), peaks.AttainableGflops(intensity));
    }

    public static ImmutableArray<RooflinePoint> Kinds(ProfileSummary profile, MachinePeaks peaks) =>
        [.. profile.Kinds.Select(k => Point(k, peaks)).OfType<RooflinePoint>()];

    public static ImmutableArray<RooflinePoint> Stages(ProfileSummary profile, MachinePeaks peaks) =>
        [.. profile.Stages.Select(s => Point(s, peaks)).OfType<RooflinePoint>()];

    /// <summary>The whole case: the profile's matched FLOPs and bytes (every kind's) over the case's measured median
    /// latency (which includes the runtime's overhead between nodes), against the roof at the case's overall intensity.</summary>
    public static RooflinePoint? Case(string name, ProfileSummary profile, MachinePeaks peaks)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Point(name, profile.Kinds.Sum(k => k.Flops), profile.Kinds.Sum(k => k.Bytes), profile.CaseMedianMs, peaks);
    }

    /// <summary>The run's peaks for a case: same provider and thread setting; null when the run has none.</summary>
    public static MachinePeaks? PeaksFor(BenchmarkResults run, CaseResult c)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(c);
        return run.Peaks?.FirstOrDefault(p => p.Provider == c.Provider && p.Threads == c.Threads);
    }
}
