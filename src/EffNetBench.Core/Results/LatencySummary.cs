using System.Text.Json.Serialization;
using EffNetBench.Core.Benchmarking.Statistics;

namespace EffNetBench.Core.Results;

/// <summary>The "latency_ms" object of a case: <see cref="LatencyStatistics"/> in milliseconds, NaN written as null.</summary>
public sealed record LatencySummary(
    double Mean,
    double Median,
    double P90,
    double P95,
    double P99,
    double Min,
    double Max,
    [property: JsonPropertyName("stddev")] double StdDev,
    double? Ci99HalfWidth)
{
    public static LatencySummary From(LatencyStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new LatencySummary(
            statistics.Mean,
            statistics.Median,
            statistics.P90,
            statistics.P95,
            statistics.P99,
            statistics.Min,
            statistics.Max,
            statistics.StdDev,
            double.IsNaN(statistics.Ci99HalfWidth) ? null : statistics.Ci99HalfWidth);
    }
}
