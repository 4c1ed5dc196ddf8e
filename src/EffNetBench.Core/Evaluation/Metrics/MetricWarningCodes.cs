namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>The codes of <see cref="MetricWarning"/>, stable so scripts and CI can match on them.</summary>
public static class MetricWarningCodes
{
    /// <summary>Overall top-1 is at least 0.9, yet a class with at most 5 % of the images has recall below 0.5.</summary>
    public const string AccuracyParadox = "accuracy_paradox";

    /// <summary>A class with images was never the top-1 prediction.</summary>
    public const string NeverPredicted = "never_predicted";

    /// <summary>A class's precision and recall differ by more than 0.3.</summary>
    public const string PrecisionRecallGap = "precision_recall_gap";
}
