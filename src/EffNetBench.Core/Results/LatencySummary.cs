using System.Text.Json.Serialization;

namespace EffNetBench.Core.Results;

/// <summary>The "latency_ms" object of a case: individual inference latencies in milliseconds, as the benchmark's
/// statistics computed them.</summary>
/// <param name="StdDev">Sample standard deviation (n - 1 denominator); 0 for a single sample or identical samples.</param>
/// <param name="Ci99HalfWidth">Half-width of the 99 % confidence interval of the mean; null for a single sample.</param>
public sealed record LatencySummary(
    double Mean,
    double Median,
    double P90,
    double P95,
    double P99,
    double Min,
    double Max,
    [property: JsonPropertyName("stddev")] double StdDev,
    double? Ci99HalfWidth);
