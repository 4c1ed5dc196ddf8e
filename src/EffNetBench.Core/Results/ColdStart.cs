namespace EffNetBench.Core.Results;

/// <summary>The "cold_start_ms" object: session creation and the first (unmeasured) inference, in milliseconds.</summary>
public sealed record ColdStart(double SessionCreate, double FirstInference);
