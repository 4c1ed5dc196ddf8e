namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>An off-diagonal confusion-matrix cell: <see cref="Count"/> images of <see cref="TrueClass"/> predicted as <see cref="PredictedClass"/>.</summary>
/// <param name="TrueClass">The images' true class.</param>
/// <param name="PredictedClass">The class the model predicted (top-1), never the true one.</param>
/// <param name="Count">Images in the cell, at least 1.</param>
public sealed record ConfusedPair(string TrueClass, string PredictedClass, long Count);
