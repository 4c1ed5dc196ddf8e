namespace EffNetBench.Core.Results;

/// <summary>Serialized as "ok", "skipped", "failed".</summary>
public enum CaseStatus
{
    Ok,
    Skipped,
    Failed,
}
