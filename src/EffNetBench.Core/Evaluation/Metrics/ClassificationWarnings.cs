using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>The rules behind <see cref="MetricWarning"/>: per-class problems that a good overall accuracy hides.</summary>
internal static class ClassificationWarnings
{
    /// <summary>Top-1 from which a weak rare class is called a paradox rather than just a weak model.</summary>
    public const double ParadoxMinTop1 = 0.9;

    /// <summary>Largest share of the images a class may have to count as rare.</summary>
    public const double ParadoxMaxShare = 0.05;

    /// <summary>Recall below which a rare class is reported: the model misses most of it.</summary>
    public const double ParadoxMaxRecall = 0.5;

    /// <summary>Precision and recall further apart than this mean the class is over- or under-predicted.</summary>
    public const double MaxPrecisionRecallGap = 0.3;

    /// <summary>All warnings: accuracy paradox, then never predicted, then precision/recall gap, each in class order.</summary>
    public static ImmutableArray<MetricWarning> Find(ImmutableArray<ClassMetrics> perClass, Proportion top1)
    {
        var warnings = ImmutableArray.CreateBuilder<MetricWarning>();
        long images = top1.Trials;

        if (top1.Value >= ParadoxMinTop1)
        {
            foreach (ClassMetrics c in perClass)
            {
                double share = (double)c.Support / images;
                if (c.Support > 0 && share <= ParadoxMaxShare && c.Recall < ParadoxMaxRecall)
                {
                    warnings.Add(new MetricWarning(MetricWarningCodes.AccuracyParadox, c.Class, FormattableString.Invariant(
                        $"Top-1 is {Percent(top1.Value)}, but class '{c.Class}' ({c.Support} of {images} images, {Percent(share)}) has recall {Percent(c.Recall)}: the overall figure hides it.")));
                }
            }
        }

        foreach (ClassMetrics c in perClass)
        {
            if (c.Support > 0 && c.Predicted == 0)
            {
                warnings.Add(new MetricWarning(MetricWarningCodes.NeverPredicted, c.Class, FormattableString.Invariant(
                    $"Class '{c.Class}' has {c.Support} images but was never predicted; its precision is reported as 0.")));
            }
        }

        foreach (ClassMetrics c in perClass)
        {
            double gap = Math.Abs(c.Precision - c.Recall);
            if (c.Support > 0 && c.Predicted > 0 && gap > MaxPrecisionRecallGap)
            {
                string tendency = c.Precision > c.Recall ? "under-predicted (missed often)" : "over-predicted (other classes land in it)";
                warnings.Add(new MetricWarning(MetricWarningCodes.PrecisionRecallGap, c.Class, FormattableString.Invariant(
                    $"Class '{c.Class}' has precision {Percent(c.Precision)} but recall {Percent(c.Recall)}: it is {tendency}.")));
            }
        }

        return warnings.ToImmutable();
    }

    private static string Percent(double fraction) => FormattableString.Invariant($"{fraction * 100:0.0} %");
}
