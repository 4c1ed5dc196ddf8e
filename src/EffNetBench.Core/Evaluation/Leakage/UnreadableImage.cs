namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>An image that could not be decoded, so it has no perceptual hash (its bytes may still match exactly).</summary>
public sealed record UnreadableImage(LeakageSet Set, string Path, string Reason);
