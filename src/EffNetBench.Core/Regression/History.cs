using System.Collections.Immutable;

namespace EffNetBench.Core.Regression;

/// <summary>Runs across releases in time order (version order when labelled by tool), and each case's trend through them.</summary>
/// <param name="Runs">Oldest first (by start time, then id).</param>
/// <param name="Cases">In the order cases first appear, oldest run first.</param>
/// <param name="Warnings">Environment changes between consecutive runs, and runs given twice.</param>
public sealed record History(
    HistoryLabel LabelBy,
    CompareOptions Options,
    ImmutableArray<HistoryRun> Runs,
    ImmutableArray<CaseTrend> Cases,
    ImmutableArray<string> Warnings)
{
    public bool AnySlower => Cases.Any(c => c.AnySlower);

    public bool AnyInconclusive => Cases.Any(c => c.Points.Any(p => p.Verdict == Verdict.Inconclusive));
}
