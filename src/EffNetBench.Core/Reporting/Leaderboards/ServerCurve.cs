using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>One leaderboard case's server scenario: latency against offered load, the bound and the maximum rate within
/// it (`run --scenario server`), for the p99-vs-load plot and leaderboard.json.</summary>
/// <param name="Points">Every offered rate measured, in increasing rate, as results.json has them.</param>
public sealed record ServerCurve(
    string Model,
    int? Resolution,
    string Provider,
    string Hardware,
    int Batch,
    int? Threads,
    double LatencyBoundMs,
    string BoundSource,
    double? MaxRateWithinBound,
    double? RateBracketHigh,
    ImmutableArray<ServerPoint> Points);
