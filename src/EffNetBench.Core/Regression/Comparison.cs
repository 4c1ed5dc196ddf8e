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
    /// <summary>Some case is slower: its latency, or a serving figure compared.</summary>
    public bool AnySlower => Verdicts.Contains(Verdict.Slower);

    public bool AnyInconclusive => Verdicts.Contains(Verdict.Inconclusive);

    /// <summary>Every latency verdict and every compared serving figure's verdict: what the exit code follows.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Verdict> Verdicts => Cases.SelectMany(c => c.AllVerdicts);

    /// <summary>Cases whose latency verdict is <paramref name="verdict"/>.</summary>
    public int Count(Verdict verdict) => Cases.Count(c => c.Verdict == verdict);

    /// <summary>Serving figures compared with <paramref name="verdict"/>.</summary>
    public int CountScenarios(Verdict verdict) => Cases.SelectMany(c => c.Scenarios).Count(s => s.Verdict == verdict);
}
