using System.Text;
using EffNetBench.Core.Results;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Reporting;

/// <summary>The lines `run` prints after its table when serving scenarios ran: one per case that has them.</summary>
public static class ScenarioSummary
{
    public static string Render(IReadOnlyList<CaseResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var text = new StringBuilder();
        foreach (CaseResult c in cases.Where(c => c.Scenarios is not null))
        {
            var parts = new List<string>();
            if (c.Scenarios!.Offline is { } offline)
            {
                parts.Add($"offline best {Number(offline.Best.ImagesPerSecond, "0.0")} images/s (concurrency {Number(offline.Best.Concurrency)}, batch {Number(offline.Best.Batch)}, 95% CI {Number(offline.Best.CiLow, "0.0")}-{Number(offline.Best.CiHigh, "0.0")})");
            }

            if (c.Scenarios.Server is { } server)
            {
                parts.Add(server.Note is string note
                    ? $"server: {note}"
                    : server.MaxRateWithinBound is double rate
                        ? $"server max {Number(rate, "0.0")} requests/s with p99 <= {Number(server.LatencyBoundMs, "0.0")} ms ({server.BoundSource}){Above(server)}"
                        : $"server: even {Number(server.Points.Min(p => p.OfferedRate), "0.0")} requests/s exceeded p99 {Number(server.LatencyBoundMs, "0.0")} ms ({server.BoundSource})");
            }

            if (c.CpuMsPerImage is double cpu)
            {
                parts.Add($"single-stream CPU {Number(cpu, "0.0")} ms/image");
            }

            text.Append(Name(c)).Append(": ").AppendJoin("; ", parts).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The usage error of an explicit --latency-bound below a case's single-stream median, or null.</summary>
    public static string? BoundBelowMedian(IReadOnlyList<CaseResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        CaseResult? hit = cases.FirstOrDefault(c => c.Scenarios?.Server is { Note: not null, BoundSource: "--latency-bound" } && c.LatencyMs is not null);
        return hit is null
            ? null
            : $"--latency-bound {Number(hit.Scenarios!.Server!.LatencyBoundMs, "0.######")}ms is below the single-stream median of {Name(hit)} ({Number(hit.LatencyMs!.Median, "0.###")} ms), so no request rate can meet it: give a bound above the median, or omit --latency-bound for 3 x the single-stream p99";
    }

    private static string Above(ServerResult server) =>
        server.RateBracketHigh is double high ? $", {Number(high, "0.0")} requests/s exceeded it" : ", no rate tried exceeded it";

    private static string Name(CaseResult c) =>
        $"{(c.Model.Resolution is int r ? $"{c.Model.Name}@{Number(r)}" : c.Model.Name)} {c.Provider} b{Number(c.Batch)}";
}
