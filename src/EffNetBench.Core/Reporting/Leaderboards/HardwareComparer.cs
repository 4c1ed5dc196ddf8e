using System.Collections.Immutable;
using EffNetBench.Core.Results;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Per model, latency on every (hardware, provider) against a baseline one.</summary>
internal static class HardwareComparer
{
    /// <summary>The hardware label <paramref name="option"/> names, or the first case's when it is null.</summary>
    /// <exception cref="ReportOptionException"><paramref name="option"/> matches no hardware, or several.</exception>
    public static string? BaselineHardware(IReadOnlyList<MeasuredCase> cases, string? option)
    {
        List<string> labels = [.. cases.Select(c => c.Row.Hardware).Distinct()];
        if (labels.Count == 0 || option is null)
        {
            return labels.FirstOrDefault();
        }

        string wanted = option.Trim();
        List<string> matches = [.. labels.Where(l => string.Equals(l, wanted, StringComparison.OrdinalIgnoreCase))];
        if (matches.Count == 0)
        {
            matches = [.. cases.Where(c => string.Equals(c.Run.Environment.Hostname, wanted, StringComparison.OrdinalIgnoreCase)).Select(c => c.Row.Hardware).Distinct()];
        }

        if (matches.Count == 0)
        {
            matches = [.. labels.Where(l => l.Contains(wanted, StringComparison.OrdinalIgnoreCase))];
        }

        string known = string.Join(", ", labels.Select(l => $"'{l}'"));
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ReportOptionException($"baseline hardware '{wanted}' matches no hardware in the inputs: use one of {known} (or a host name)."),
            _ => throw new ReportOptionException($"baseline hardware '{wanted}' matches several: {string.Join(", ", matches.Select(l => $"'{l}'"))}; give the whole label."),
        };
    }

    /// <summary>Empty when the cases span one hardware and one provider; otherwise the models run on two or more of them.</summary>
    public static (ImmutableArray<HardwareComparison> Entries, string? Baseline) Compare(IReadOnlyList<MeasuredCase> cases, string? baselineHardware, List<string> notes)
    {
        List<(string Hardware, string Provider)> targets = [.. cases.Select(c => (c.Row.Hardware, c.Row.Provider)).Distinct()];
        if (targets.Count < 2 || baselineHardware is null)
        {
            return ([], null);
        }

        // The first provider seen on the baseline hardware (usually cpu) is what everything else is measured against.
        string baselineProvider = targets.First(t => t.Hardware == baselineHardware).Provider;
        int Rank((string, string) target) => target == (baselineHardware, baselineProvider) ? -1 : targets.IndexOf(target);

        var entries = ImmutableArray.CreateBuilder<HardwareComparison>();
        bool threadsDiffer = false;
        // A model in another precision is another model here: int8 on one machine is never "fp32's speed-up".
        foreach (IGrouping<(string, int?, int, string), MeasuredCase> model in cases.GroupBy(c => (c.Row.Model, c.Row.Resolution, c.Row.Batch, c.Row.Precision)))
        {
            if (model.Select(c => (c.Row.Hardware, c.Row.Provider)).Distinct().Count() < 2)
            {
                continue;
            }

            List<MeasuredCase> onBaseline = [.. model.Where(c => c.Row.Hardware == baselineHardware && c.Row.Provider == baselineProvider)];
            foreach (MeasuredCase c in model.OrderBy(c => Rank((c.Row.Hardware, c.Row.Provider))).ThenBy(c => c.Row.Threads ?? 0))
            {
                // Same threads as this entry where the baseline has them, so a thread sweep compares like with like.
                MeasuredCase? baseline = onBaseline.FirstOrDefault(b => b.Row.Threads == c.Row.Threads) ?? onBaseline.FirstOrDefault();
                double median = c.Row.LatencyMedianMs!.Value;
                string? note = baseline is null ? null : Differences(c, baseline, ref threadsDiffer);
                entries.Add(Serving(new HardwareComparison(c.Row.Model, c.Row.Resolution, c.Row.Batch, c.Row.Hardware, c.Row.Provider, c.Row.Threads,
                    median, c.Row.ThroughputIps, baseline is not null && median > 0 ? baseline.Row.LatencyMedianMs / median : null,
                    ReferenceEquals(c, baseline), note) { Precision = c.Row.Precision }, c.Row, baseline?.Row));
            }
        }

        if (entries.Count == 0)
        {
            return ([], null);
        }

        List<string> runtimes = [.. cases.Select(c => c.Run.Environment.OnnxRuntime).Distinct()];
        if (runtimes.Count > 1)
        {
            notes.Add($"the runs use different ONNX Runtime versions ({string.Join(", ", runtimes)}): part of a speed-up may come from the runtime, not the hardware");
        }

        if (threadsDiffer)
        {
            notes.Add("thread settings differ between compared cases (see the note column): 'default' lets ONNX Runtime choose from each machine's cores");
        }

        return (entries.ToImmutable(), $"{baselineProvider} on {baselineHardware}");
    }

    /// <summary>The entry with its offline throughput and server rate, and their ratios to the baseline's where both
    /// sides have them (the rate only within the same bound).</summary>
    private static HardwareComparison Serving(HardwareComparison entry, LeaderboardRow row, LeaderboardRow? baseline)
    {
        bool sameBound = baseline?.ServerLatencyBoundMs is double b && row.ServerLatencyBoundMs is double r && b == r;
        string? boundNote = baseline is { ServerLatencyBoundMs: double bb } && row.ServerLatencyBoundMs is double rb && bb != rb
            ? $"latency bounds differ ({Number(rb, "0.##")} vs {Number(bb, "0.##")} ms): no max-rate ratio"
            : null;
        return entry with
        {
            OfflineImagesPerSecond = row.OfflineImagesPerSecond,
            OfflineConcurrency = row.OfflineConcurrency,
            OfflineBatch = row.OfflineBatch,
            OfflineRatio = Ratio(row.OfflineImagesPerSecond, baseline?.OfflineImagesPerSecond),
            ServerMaxRate = row.ServerMaxRate,
            ServerRateBracketHigh = row.ServerRateBracketHigh,
            ServerLatencyBoundMs = row.ServerLatencyBoundMs,
            MaxRateRatio = sameBound ? Ratio(row.ServerMaxRate, baseline!.ServerMaxRate) : null,
            Note = boundNote is null ? entry.Note : entry.Note is null ? boundNote + " (this vs baseline)" : entry.Note + "; " + boundNote,
        };
    }

    private static double? Ratio(double? value, double? baseline) =>
        value is double v && baseline is double b && b > 0 ? v / b : null;

    private static string? Differences(MeasuredCase c, MeasuredCase baseline, ref bool threadsDiffer)
    {
        var differences = new List<string>();
        EnvironmentInfo env = c.Run.Environment, baseEnv = baseline.Run.Environment;
        if (env.OnnxRuntime != baseEnv.OnnxRuntime)
        {
            differences.Add($"ONNX Runtime {env.OnnxRuntime} vs {baseEnv.OnnxRuntime}");
        }

        if (c.Row.Threads != baseline.Row.Threads)
        {
            differences.Add($"threads {Threads(c.Row.Threads)} vs {Threads(baseline.Row.Threads)}");
            threadsDiffer = true;
        }
        else if (c.Row.Threads is null && env.LogicalCores != baseEnv.LogicalCores)
        {
            differences.Add($"default threads on {Number(env.LogicalCores)} vs {Number(baseEnv.LogicalCores)} logical cores");
            threadsDiffer = true;
        }

        return differences.Count == 0 ? null : string.Join("; ", differences) + " (this vs baseline)";
    }
}
