namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>One operator kind's or node's time per inference in two runs.</summary>
/// <param name="BaselineMs">Null when only the current run has it.</param>
/// <param name="CurrentMs">Null when only the baseline run has it.</param>
/// <param name="NoiseMs">The change the traces' spread allows by chance (see <see cref="ProfileDiff.NoiseRule"/>); null
/// when the traces carry no per-node spread.</param>
public sealed record TimeChange(string Name, string? Detail, double? BaselineMs, double? CurrentMs, double? NoiseMs)
{
    public double ChangeMs => (CurrentMs ?? 0) - (BaselineMs ?? 0);

    /// <summary>Current over baseline; null when either is missing or the baseline is 0.</summary>
    public double? Ratio => BaselineMs is double b && b > 0 && CurrentMs is double c ? c / b : null;

    /// <summary>"beyond noise", "within noise", or "noise unknown". Beyond noise takes a change larger than the traces'
    /// noise and than both floors <see cref="ProfileDiff.MinChangeMs"/> and <see cref="ProfileDiff.MinRelativeChange"/>.</summary>
    public string Verdict => NoiseMs is double n
        ? (Math.Abs(ChangeMs) > n && Math.Abs(ChangeMs) >= ProfileDiff.MinChangeMs && (Ratio is not double r || Math.Abs(r - 1) >= ProfileDiff.MinRelativeChange)
            ? "beyond noise"
            : "within noise")
        : "noise unknown";
}
