using System.Collections.Immutable;

namespace EffNetBench.Core.Regression;

/// <summary>What changed between a baseline run and a current run.</summary>
/// <param name="Cases">Cases in both runs, in the current run's order.</param>
/// <param name="NewCases">Cases only the current run has.</param>
/// <param name="MissingCases">Cases only the baseline has.</param>
/// <param name="Warnings">Why the two runs may not be comparable (other hardware, ONNX Runtime or tool version), one sentence each.</param>
public sealed record Comparison(
    ComparedRun Baseline,
    ComparedRun Current,
    CompareOptions Options,
    ImmutableArray<CaseComparison> Cases,
    ImmutableArray<CaseKey> NewCases,
    ImmutableArray<CaseKey> MissingCases,
    ImmutableArray<string> Warnings)
{
    public bool AnySlower => Cases.Any(c => c.Verdict == Verdict.Slower);

    public bool AnyInconclusive => Cases.Any(c => c.Verdict == Verdict.Inconclusive);

    public int Count(Verdict verdict) => Cases.Count(c => c.Verdict == verdict);
}
