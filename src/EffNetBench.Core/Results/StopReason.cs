namespace EffNetBench.Core.Results;

/// <summary>Why measurement ended; serialized as "precision", "time_cap", "max_samples".</summary>
public enum StopReason
{
    Precision,
    TimeCap,
    MaxSamples,
}
