namespace EffNetBench.Core.Evaluation;

/// <summary>An image left out of the metrics because it could not be decoded, and why.</summary>
public sealed record SkippedImage(string Path, string Reason);
