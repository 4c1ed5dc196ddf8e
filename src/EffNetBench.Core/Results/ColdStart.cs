namespace EffNetBench.Core.Results;

/// <summary>The "cold_start_ms" object, in milliseconds: session creation (model load included) and the first
/// (unmeasured) inference.</summary>
public sealed record ColdStart(double SessionCreate, double FirstInference)
{
    /// <summary>From the start of the case's own process to ONNX Runtime loaded in it; null when the case was not
    /// measured in a process of its own.</summary>
    public double? ProcessToRuntime { get; init; }
}
