using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Peaks;

/// <summary>The peaks a profiled run records: one per (provider, threads) of its measured cases, from the cache or
/// measured now (<see cref="RunRequest.RemeasurePeaks"/> forces a new measurement).</summary>
public static class RunPeaks
{
    /// <returns>Null when the run does not profile, the measurer cannot measure peaks, or no case was measured.</returns>
    public static ImmutableArray<MachinePeaks>? For(RunRequest request, EnvironmentInfo environment, IReadOnlyList<CaseResult> cases,
        ICaseMeasurer measurer, IRunObserver observer, PeakCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(observer);
        if (request.Settings.ProfileInferences is null || measurer is not IPeakMeasurer peakMeasurer)
        {
            return null;
        }

        cache ??= PeakCache.ForPlatform(request.CacheDirectory);
        var found = ImmutableArray.CreateBuilder<MachinePeaks>();
        foreach ((string provider, int? threads) in cases.Where(c => c.Status == CaseStatus.Ok).Select(c => (c.Provider, c.Threads)).Distinct())
        {
            if (!ExecutionProviders.TryParse(provider, out ExecutionProvider parsed))
            {
                continue;
            }

            var key = new PeakKey(environment.Cpu, environment.LogicalCores, environment.OnnxRuntime, provider, threads);
            string what = string.Create(CultureInfo.InvariantCulture, $"{provider}, threads {(threads is int t ? t.ToString(CultureInfo.InvariantCulture) : "default")}");
            try
            {
                if (request.RemeasurePeaks || cache.TryLoad(key) is null)
                {
                    observer.Note($"measuring this machine's peaks ({what}) for the roofline, in a worker: a few seconds");
                }

                (MachinePeaks peaks, bool measured) = cache.GetOrMeasure(key, () => peakMeasurer.MeasurePeaks(parsed, threads), request.RemeasurePeaks);
                observer.Note(FormattableString.Invariant(
                    $"machine peaks ({what}, {(measured ? "measured now" : $"cached from {peaks.MeasuredUtc:yyyy-MM-dd HH:mm} UTC; --remeasure-peaks measures again")}): compute {peaks.ComputeGflops:0.0} GFLOP/s, bandwidth {peaks.BandwidthGBps:0.0} GB/s")
                    + (peaks.LoopBandwidthGBps is double loop ? FormattableString.Invariant($" (plain loop {loop:0.0} GB/s)") : string.Empty));
                if (CrossCheckProblem(peaks) is string problem)
                {
                    observer.Note($"machine peaks ({what}): {problem}");
                }

                found.Add(peaks);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The cases are measured; a roofline without its roof is a note, not a failed run.
                observer.Note($"machine peaks ({what}) not measured: {e.Message.Split('\n')[0].TrimEnd('\r')}; the profile has no roofline for them");
            }
        }

        return found.Count == 0 ? null : found.ToImmutable();
    }

    /// <summary>The plain loop and ONNX Runtime's Add stream the same bytes; beyond a factor of
    /// <see cref="CrossCheckFactor"/> apart, one of them did not reach memory's speed (a busy machine, too few threads).</summary>
    public const double CrossCheckFactor = 2;

    /// <summary>Null when the loop's bandwidth is within <see cref="CrossCheckFactor"/> of ONNX Runtime's (or not measured).</summary>
    public static string? CrossCheckProblem(MachinePeaks peaks)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        if (peaks.LoopBandwidthGBps is not double loop || !(loop > 0) || !(peaks.BandwidthGBps > 0))
        {
            return null;
        }

        double ratio = loop / peaks.BandwidthGBps;
        return ratio > CrossCheckFactor || ratio < 1 / CrossCheckFactor
            ? FormattableString.Invariant($"the plain loop streamed {loop:0.0} GB/s and ONNX Runtime {peaks.BandwidthGBps:0.0} GB/s, more than {CrossCheckFactor:0}x apart: the bandwidth roof is uncertain (a busy machine?); measure again with --remeasure-peaks")
            : null;
    }
}
