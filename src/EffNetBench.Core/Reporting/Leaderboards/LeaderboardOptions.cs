namespace EffNetBench.Core.Reporting.Leaderboards;

/// <param name="BaselineHardware">
/// The hardware speed-ups are relative to: a hardware label, a host name, or a unique part of a label; null takes the
/// first run's. Its first provider is the baseline provider.
/// </param>
public sealed record LeaderboardOptions(RankBy RankBy = RankBy.Latency, string? BaselineHardware = null);
