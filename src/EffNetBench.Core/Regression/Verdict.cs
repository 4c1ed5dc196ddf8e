namespace EffNetBench.Core.Regression;

/// <summary>How the current run's latency of a case compares with the baseline's; serialized in lower case.</summary>
public enum Verdict
{
    /// <summary>No change beyond both the relative threshold and the noise floor.</summary>
    Same,

    Faster,

    Slower,

    /// <summary>The evidence cannot decide: see <see cref="InconclusiveReason"/> (not measured, too few samples, precision
    /// missed, the machine busy, launches disagreeing, environments differing, or drift not ruled out).</summary>
    Inconclusive,
}

/// <summary>Why a verdict is <see cref="Verdict.Inconclusive"/>; serialized in snake_case.</summary>
public enum InconclusiveReason
{
    /// <summary>The case was skipped or failed on a side, or has non-finite samples.</summary>
    NotMeasured,

    /// <summary>Fewer than <see cref="CompareOptions.MinSamples"/> samples on a side.</summary>
    TooFewSamples,

    /// <summary>A side stopped (time cap, sample limit) before its precision target.</summary>
    PrecisionMissed,

    /// <summary>Other processes and steal took more than <see cref="CompareOptions.MaxBusyShare"/> of the machine on a side.</summary>
    MachineBusy,

    /// <summary>The change is no larger than the spread between launch medians of a side, which exceeds that side's own CI.</summary>
    LaunchesDisagree,

    /// <summary>CPU model, core count, GPUs or ONNX Runtime version differ between the sides.</summary>
    EnvironmentsDiffer,

    /// <summary>One launch per side measured at different times: a change within the drift allowance cannot be told from drift.</summary>
    DriftNotRuledOut,

    /// <summary>Server maximum rate: the two sides' p99 bounds differ, so their rates within them are not the same measure.</summary>
    BoundsDiffer,

    /// <summary>Server maximum rate: the rate brackets allow both no change and one beyond the threshold (the search is too coarse).</summary>
    BracketsTooWide,
}

/// <summary>The names reports print for a <see cref="Verdict"/> and an <see cref="InconclusiveReason"/>, as JSON serializes them.</summary>
public static class VerdictNames
{
    public static string Name(this Verdict verdict) => verdict.ToString().ToLowerInvariant();

    public static string Name(this InconclusiveReason reason) => reason switch
    {
        InconclusiveReason.NotMeasured => "not_measured",
        InconclusiveReason.TooFewSamples => "too_few_samples",
        InconclusiveReason.PrecisionMissed => "precision_missed",
        InconclusiveReason.MachineBusy => "machine_busy",
        InconclusiveReason.LaunchesDisagree => "launches_disagree",
        InconclusiveReason.EnvironmentsDiffer => "environments_differ",
        InconclusiveReason.BoundsDiffer => "bounds_differ",
        InconclusiveReason.BracketsTooWide => "brackets_too_wide",
        _ => "drift_not_ruled_out",
    };
}
