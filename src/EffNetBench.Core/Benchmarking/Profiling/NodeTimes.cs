using System.Collections.Immutable;
using System.Globalization;

namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>One node's time over the profiled inferences.</summary>
/// <param name="Kernel">Its first execution in the profiled inferences (name, op, provider, shapes).</param>
/// <param name="MedianUs">Median over the profiled inferences of its time in each (summed when it ran more than once in one).</param>
/// <param name="SpreadUs">Median absolute deviation of those times from <paramref name="MedianUs"/>.</param>
public sealed record NodeTime(TraceKernel Kernel, double MedianUs, double SpreadUs = 0);

/// <summary>Per-node medians of a trace, the warm-up inferences left out.</summary>
/// <param name="Inferences">Inferences the medians are over.</param>
/// <param name="Nodes">In the order of their first execution.</param>
public sealed record NodeTimes(int Inferences, ImmutableArray<NodeTime> Nodes, ImmutableArray<string> Warnings)
{
    /// <summary>Assigns each node execution to the "model_run" it lies in, drops the first <paramref name="warmupRuns"/>
    /// inferences (the profiler runs from session creation, so the warm-up is in the trace) and executions outside any
    /// complete inference (the unfinished last one of a truncated trace). A trace without "model_run" events counts
    /// each node's k-th execution as inference k.</summary>
    public static NodeTimes Of(ProfileTrace trace, int warmupRuns)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupRuns);
        var warnings = new List<string>();
        var perRun = new Dictionary<string, Dictionary<int, long>>(StringComparer.Ordinal);
        var first = new Dictionary<string, TraceKernel>(StringComparer.Ordinal);
        var order = new List<string>();
        int inferences;
        int outside = 0;
        if (trace.Runs.IsEmpty)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (TraceKernel k in trace.Kernels)
            {
                int run = seen[k.Key] = seen.GetValueOrDefault(k.Key) + 1;
                Add(k, run - 1);
            }

            int maxRuns = seen.Count == 0 ? 0 : seen.Values.Max();
            inferences = Math.Max(0, maxRuns - warmupRuns);
            if (trace.Kernels.Length > 0)
            {
                warnings.Add("the trace has no \"model_run\" events: each node's k-th execution is counted as inference k");
            }
        }
        else
        {
            foreach (TraceKernel k in trace.Kernels)
            {
                int run = RunOf(trace.Runs, k);
                if (run < 0)
                {
                    outside++;
                    continue;
                }

                Add(k, run);
            }

            inferences = Math.Max(0, trace.Runs.Length - warmupRuns);
        }

        if (outside > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{outside} node executions lie outside any complete inference and were left out"));
        }

        if (trace.Truncated)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"the trace is truncated after {trace.Events} events: only complete inferences before the cut were used"));
        }

        var nodes = ImmutableArray.CreateBuilder<NodeTime>();
        foreach (string key in order)
        {
            long[] times = [.. perRun[key].Where(r => r.Key >= warmupRuns).Select(r => r.Value)];
            if (times.Length > 0)
            {
                double median = Median(times);
                nodes.Add(new NodeTime(first[key], median, MedianOf([.. times.Select(t => Math.Abs(t - median))])));
            }
        }

        return new NodeTimes(inferences, nodes.ToImmutable(), [.. warnings]);

        void Add(TraceKernel k, int run)
        {
            if (!perRun.TryGetValue(k.Key, out Dictionary<int, long>? runs))
            {
                runs = [];
                perRun[k.Key] = runs;
            }

            runs[run] = runs.GetValueOrDefault(run) + k.DurationUs;
            if (run >= warmupRuns && first.TryAdd(k.Key, k))
            {
                order.Add(k.Key);
            }
        }
    }

    /// <summary>Index of the run whose span holds the execution's start; -1 when none does.</summary>
    private static int RunOf(ImmutableArray<(long StartUs, long DurationUs)> runs, TraceKernel k)
    {
        int lo = 0, hi = runs.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (runs[mid].StartUs <= k.TimestampUs)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && k.TimestampUs <= runs[found].StartUs + runs[found].DurationUs ? found : -1;
    }

    private static double Median(long[] values) => MedianOf([.. values.Select(v => (double)v)]);

    private static double MedianOf(double[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2.0;
    }
}
