namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>McNemar's test of two classifiers on the same images.</summary>
/// <param name="BaselineOnly">b: images only the baseline (fp32) gets right.</param>
/// <param name="OtherOnly">c: images only the other (lower precision) gets right.</param>
/// <param name="Method"><see cref="McNemar.ExactMethod"/> or <see cref="McNemar.ChiSquareMethod"/>.</param>
/// <param name="ChiSquare">The corrected statistic; null for the exact test.</param>
/// <param name="PValue">Two-sided.</param>
public sealed record McNemarResult(int BaselineOnly, int OtherOnly, string Method, double? ChiSquare, double PValue);
