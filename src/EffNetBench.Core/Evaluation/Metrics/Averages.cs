namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>
/// Precision, recall and F1 averaged over classes, each in [0, 1].
/// Macro: unweighted mean over classes with support &gt; 0. Weighted: mean weighted by support.
/// </summary>
/// <param name="Precision">Average of the per-class precisions.</param>
/// <param name="Recall">Average of the per-class recalls.</param>
/// <param name="F1">Average of the per-class F1 scores (not the F1 of the averaged precision and recall).</param>
public sealed record Averages(double Precision, double Recall, double F1);
