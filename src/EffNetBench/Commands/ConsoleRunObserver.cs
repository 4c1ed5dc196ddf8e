using System.Globalization;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;

namespace EffNetBench.Commands;

/// <summary>Plain progress lines (case n of m, the case, ETA), one per event: readable live and in CI logs alike.</summary>
internal sealed class ConsoleRunObserver(TextWriter writer) : IRunObserver
{
    public void CaseStarted(int index, int total, PlannedCase planned, TimeSpan? eta)
    {
        string left = eta is TimeSpan t ? $", about {Format(t)} left" : string.Empty;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{index}/{total}] {planned.Id}{(planned.LaunchCount > 1 ? $" launch {planned.Launch}/{planned.LaunchCount}" : string.Empty)}{left}"));
    }

    public void CaseFinished(int index, int total, CaseResult result)
    {
        string line = result.Status == CaseStatus.Ok && result.LatencyMs is { } l
            ? string.Create(CultureInfo.InvariantCulture,
                $"        median {l.Median:0.00} ms, p99 {l.P99:0.00} ms over {result.SamplesMs?.Length} inferences{(result.Stopping?.PrecisionTargetMet == false ? " (time cap hit before the precision target)" : string.Empty)}")
            : $"        {result.Status.ToString().ToLowerInvariant()}: {result.Reason}";
        writer.WriteLine(line);
    }

    public void Note(string message) => writer.WriteLine(message);

    private static string Format(TimeSpan t) => t.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Seconds}s");
}
