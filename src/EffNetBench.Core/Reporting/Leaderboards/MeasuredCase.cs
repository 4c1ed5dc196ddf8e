using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>A row with the run it came from, whose environment the hardware comparison needs, and the case itself.</summary>
internal sealed record MeasuredCase(LeaderboardRow Row, BenchmarkResults Run)
{
    public CaseResult? Case { get; init; }
}
