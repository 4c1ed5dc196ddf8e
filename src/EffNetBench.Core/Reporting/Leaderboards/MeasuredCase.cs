using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>A row with the run it came from, whose environment the hardware comparison needs.</summary>
internal sealed record MeasuredCase(LeaderboardRow Row, BenchmarkResults Run);
