namespace EffNetBench.Core.Evaluation;

/// <summary>How far an evaluation has got: images classified or skipped so far, out of the total.</summary>
public sealed record EvalProgress(int Done, int Total, int Skipped, double ImagesPerSecond);
