namespace EffNetBench.Core.Regression;

/// <summary>How the current run's latency of a case compares with the baseline's; serialized in lower case.</summary>
public enum Verdict
{
    /// <summary>No change beyond both the relative threshold and the noise floor.</summary>
    Same,

    Faster,

    Slower,

    /// <summary>Not testable: too few samples on a side, or the case was skipped or failed in one run.</summary>
    Unknown,
}

/// <summary>The names reports print for a <see cref="Verdict"/>: its lower-case name, as JSON serializes it.</summary>
public static class VerdictNames
{
    public static string Name(this Verdict verdict) => verdict.ToString().ToLowerInvariant();
}
