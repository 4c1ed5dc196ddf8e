using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>A lower precision against fp32 on the same images (`eval --precision fp32,int8`).</summary>
/// <param name="Precision">The lower precision ("int8"...).</param>
/// <param name="Baseline">"fp32".</param>
/// <param name="Images">Images classified by both (the pairs).</param>
/// <param name="BaselineTop1">Top-1 of fp32 on the pairs.</param>
/// <param name="Top1">Top-1 of <paramref name="Precision"/> on the pairs.</param>
/// <param name="Top1Difference"><paramref name="Top1"/> - <paramref name="BaselineTop1"/> (negative: accuracy lost).</param>
/// <param name="McNemar">The paired test on the discordant images.</param>
/// <param name="Top1Agreement">Share of images whose top-1 class is the same in both precisions.</param>
/// <param name="MeanAbsLogitDifference">Mean over images and classes of |output - fp32 output| (the model's raw
/// outputs: logits, or probabilities for a model that ends in softmax).</param>
/// <param name="MaxAbsLogitDifference">Largest such difference.</param>
/// <param name="ClassRecall">Per class with support, the recall change, largest drop first.</param>
public sealed record PrecisionComparison(
    string Precision,
    string Baseline,
    int Images,
    double BaselineTop1,
    double Top1,
    double Top1Difference,
    McNemarResult McNemar,
    double Top1Agreement,
    double MeanAbsLogitDifference,
    double MaxAbsLogitDifference,
    ImmutableArray<ClassRecallChange> ClassRecall)
{
    /// <summary>Compares <paramref name="other"/> with <paramref name="baseline"/> on the images both classified.</summary>
    public static PrecisionComparison Compare(string precision, ImageScores baseline, ImageScores other, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(classes);
        int n = 0, baselineRight = 0, otherRight = 0, b = 0, c = 0, agree = 0;
        double sumAbs = 0, maxAbs = 0;
        long values = 0;
        var support = new int[classes.Count];
        var baselineHits = new int[classes.Count];
        var otherHits = new int[classes.Count];
        foreach (string path in baseline.Paths.Order(StringComparer.Ordinal))
        {
            if (!baseline.TryGet(path, out int truth, out float[] x) || !other.TryGet(path, out _, out float[] y))
            {
                continue;
            }

            if (x.Length != y.Length)
            {
                throw new ArgumentException($"'{path}' has {x.Length} outputs in fp32 but {y.Length} in {precision}: the converted model's output is not the source's");
            }

            n++;
            int px = ImageScores.Top1(x), py = ImageScores.Top1(y);
            bool rx = px == truth, ry = py == truth;
            baselineRight += rx ? 1 : 0;
            otherRight += ry ? 1 : 0;
            b += rx && !ry ? 1 : 0;
            c += !rx && ry ? 1 : 0;
            agree += px == py ? 1 : 0;
            support[truth]++;
            baselineHits[truth] += rx ? 1 : 0;
            otherHits[truth] += ry ? 1 : 0;
            for (int i = 0; i < x.Length; i++)
            {
                double d = Math.Abs((double)x[i] - y[i]);
                sumAbs += d;
                maxAbs = Math.Max(maxAbs, d);
            }

            values += x.Length;
        }

        if (n == 0)
        {
            throw new ArgumentException($"fp32 and {precision} share no classified image: nothing to compare");
        }

        ImmutableArray<ClassRecallChange> recall = [.. Enumerable.Range(0, classes.Count).Where(k => support[k] > 0)
            .Select(k => new ClassRecallChange(classes[k], support[k], (double)baselineHits[k] / support[k], (double)otherHits[k] / support[k],
                (double)(otherHits[k] - baselineHits[k]) / support[k]))
            .OrderBy(r => r.Change).ThenBy(r => r.Class, StringComparer.Ordinal)];
        double top1x = (double)baselineRight / n, top1y = (double)otherRight / n;
        return new PrecisionComparison(precision, "fp32", n, top1x, top1y, top1y - top1x, Precisions.McNemar.Test(b, c),
            (double)agree / n, sumAbs / values, maxAbs, recall);
    }
}
