namespace EffNetBench.Core.Regression;

/// <summary>A case in one run of a history, judged against the previous run that has the case.</summary>
/// <param name="RunIndex">Index into <see cref="History.Runs"/>.</param>
/// <param name="MedianRatio">This median / the previous point's median; null at the first point.</param>
/// <param name="RatioToFirst">This median / the first point's median, so a slow drift of small steps shows too.</param>
/// <param name="Verdict">The same test as `compare` against the previous point; null at the first point.</param>
/// <param name="Note">Why the verdict is inconclusive, when it is.</param>
public sealed record TrendPoint(
    int RunIndex,
    string Label,
    double? MedianMs,
    double? P99Ms,
    int Samples,
    double? MedianRatio,
    double? RatioToFirst,
    Verdict? Verdict,
    string? Note)
{
    /// <summary>Why <see cref="Verdict"/> is inconclusive; null otherwise.</summary>
    public InconclusiveReason? Reason { get; init; }
}
