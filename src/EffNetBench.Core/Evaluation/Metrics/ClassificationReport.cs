using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>
/// Accuracy of a classifier, per class and overall, built by <see cref="ClassificationAccumulator.Build"/>.
/// All fractions are in [0, 1]; classes are always listed in the order given to the accumulator.
/// </summary>
/// <param name="Images">Images evaluated.</param>
/// <param name="Classes">Class names, in index order.</param>
/// <param name="Top1">Images whose true class had the highest score (ties go to the lower class index).</param>
/// <param name="Top5">Images whose true class was among the 5 highest scores (same tie rule); null with 5 classes or fewer, where it is always 100 %.</param>
/// <param name="PerClass">Precision, recall and F1 of each class, in class order.</param>
/// <param name="Macro">Unweighted mean over classes with support &gt; 0.</param>
/// <param name="Weighted">Mean weighted by support; its recall equals top-1 accuracy.</param>
/// <param name="BalancedAccuracy">Mean recall over classes with support &gt; 0.</param>
/// <param name="ConfusionMatrix">Counts: row = true class, column = predicted (top-1) class, both in class order.</param>
/// <param name="MostConfused">Non-zero off-diagonal cells, largest count first, ties by true then predicted class index.</param>
/// <param name="WorstRecall">Classes with support &gt; 0 and the lowest recall, lowest first, ties by class index.</param>
/// <param name="ExpectedCalibrationError">
/// Σ over equal-width bins of the max probability of (bin size / images) · |accuracy − mean max probability|;
/// null when calibration bins were turned off (0 bins).
/// </param>
/// <param name="OutputsWereProbabilities">
/// True when every row was non-negative and summed to 1 within 1e-3, so the scores were used as probabilities;
/// otherwise softmax was applied to every row for calibration (rankings, hence every other metric, are the same either way).
/// </param>
/// <param name="Warnings">Accuracy paradox, never predicted, then precision/recall gap warnings, each group in class order.</param>
public sealed record ClassificationReport(
    int Images,
    ImmutableArray<string> Classes,
    Proportion Top1,
    Proportion? Top5,
    ImmutableArray<ClassMetrics> PerClass,
    Averages Macro,
    Averages Weighted,
    double BalancedAccuracy,
    ImmutableArray<ImmutableArray<long>> ConfusionMatrix,
    ImmutableArray<ConfusedPair> MostConfused,
    ImmutableArray<ClassMetrics> WorstRecall,
    double? ExpectedCalibrationError,
    bool OutputsWereProbabilities,
    ImmutableArray<MetricWarning> Warnings);
