using System.Collections.Immutable;

namespace EffNetBench.Core.Regression;

/// <summary>One case across the runs of a history that have it, in the history's order.</summary>
public sealed record CaseTrend(CaseKey Case, ImmutableArray<TrendPoint> Points)
{
    public bool AnySlower => Points.Any(p => p.Verdict == Verdict.Slower);
}
