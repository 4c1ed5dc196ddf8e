namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>
/// One class's precision, recall and F1, all in [0, 1].
/// Precision = TP / (TP + FP), 0 when the class is never predicted.
/// Recall = TP / (TP + FN), 0 when the class has no images (such classes are left out of macro and balanced averages).
/// F1 = 2·P·R / (P + R), 0 when both are 0.
/// </summary>
/// <param name="Class">The class name.</param>
/// <param name="Index">The class's index in the class list, which is also its row and column in the confusion matrix.</param>
/// <param name="Precision">TP / (TP + FP); 0 when <paramref name="Predicted"/> is 0.</param>
/// <param name="Recall">TP / (TP + FN); 0 when <paramref name="Support"/> is 0.</param>
/// <param name="F1">Harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Support">Images whose true class is this one (TP + FN).</param>
/// <param name="Predicted">Images predicted (top-1) as this class (TP + FP).</param>
public sealed record ClassMetrics(string Class, int Index, double Precision, double Recall, double F1, long Support, long Predicted);
