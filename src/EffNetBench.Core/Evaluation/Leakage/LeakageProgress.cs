namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>How many images of both sets have been hashed, out of the total.</summary>
public sealed record LeakageProgress(int Done, int Total);
