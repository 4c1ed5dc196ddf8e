using System.Collections.Immutable;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>One step of a scaling series (b0 -> b1): what it costs and what it buys.</summary>
/// <param name="FlopsGrowth">FLOPs per image of <paramref name="To"/> over <paramref name="From"/> (the analysis).</param>
/// <param name="LatencyGrowth">Median latency of <paramref name="To"/> over <paramref name="From"/> (measured).</param>
/// <param name="ExtraMs">Median latency of <paramref name="To"/> minus <paramref name="From"/>.</param>
/// <param name="Top1Gain">Top-1 points gained; null when either accuracy is unknown.</param>
/// <param name="Top1Source">Where the two top-1 figures come from (the leaderboard's accuracy sources).</param>
/// <param name="MsPerTop1Point">Extra latency per top-1 point gained; null without a positive gain.</param>
/// <param name="Absorbed">Where the extra node time went, per operator kind, largest first.</param>
public sealed record ScalingStep(
    string From,
    string To,
    double? FlopsGrowth,
    double LatencyGrowth,
    double ExtraMs,
    double? Top1Gain,
    string? Top1Source,
    double? MsPerTop1Point,
    ImmutableArray<AbsorbedTime> Absorbed);
