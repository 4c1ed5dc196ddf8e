namespace EffNetBench.Core.Reporting.Leaderboards;

/// <param name="Accuracy">Accuracy sources (see <see cref="Accuracy.AccuracyTable.Load"/>); null or empty means "paper".</param>
/// <param name="BaselineHardware">See <see cref="LeaderboardOptions.BaselineHardware"/>.</param>
/// <param name="TimmCheckpoint">`--timm-checkpoint`: which checkpoint of a timm results CSV gives each model's accuracy (<see cref="Accuracy.TimmCheckpoint.Choose"/>).</param>
public sealed record ReportOptions(IReadOnlyList<string>? Accuracy = null, RankBy RankBy = RankBy.Latency, string? BaselineHardware = null, string? TimmCheckpoint = null);
