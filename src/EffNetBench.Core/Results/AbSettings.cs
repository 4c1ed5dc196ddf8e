using System.Collections.Immutable;

namespace EffNetBench.Core.Results;

/// <summary>The two arms of an interleaved A/B run (`effnet-bench ab BASELINE CANDIDATE`), paired by position.</summary>
/// <param name="Baseline">Each item a zoo variant name or the full path of an ONNX file.</param>
/// <param name="Candidate">As <paramref name="Baseline"/>, of the same length: item i is compared with baseline item i.</param>
/// <param name="BaselineOrtLibrary">The ONNX Runtime library the baseline arm is measured with; null for the one this
/// process loads (the bundled library unless --ort-lib).</param>
/// <param name="CandidateOrtLibrary">As <paramref name="BaselineOrtLibrary"/>, for the candidate arm.</param>
public sealed record AbSettings(
    ImmutableArray<string> Baseline,
    ImmutableArray<string> Candidate,
    string? BaselineOrtLibrary,
    string? CandidateOrtLibrary)
{
    public const string BaselineArm = "baseline";
    public const string CandidateArm = "candidate";

    /// <summary>`ab --baseline-precision`: the baseline arm's precision ("int8"...); null for fp32. Additive.</summary>
    public string? BaselinePrecision { get; init; }

    /// <summary>`ab --candidate-precision`: the candidate arm's precision; null for fp32. Additive.</summary>
    public string? CandidatePrecision { get; init; }
}
