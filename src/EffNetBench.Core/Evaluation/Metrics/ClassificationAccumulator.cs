using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>
/// Collects a classifier's outputs image by image and builds a <see cref="ClassificationReport"/>.
/// Memory is bounded by the class count: a confusion matrix, hit counters and calibration bins, nothing per image.
/// Not thread-safe; <see cref="Build"/> may be called at any point and leaves the accumulator usable.
/// </summary>
/// <remarks>
/// The top-1 prediction is the class with the highest score; ties go to the lower class index.
/// The true class is in the top k when fewer than k classes rank above it, where a class ranks above it with a
/// higher score, or an equal score and a lower index. Softmax does not change rankings, so logits and probabilities
/// give the same top-k, confusion matrix and per-class metrics; only calibration depends on which they were.
/// </remarks>
public sealed class ClassificationAccumulator
{
    /// <summary>How far a row's sum may stray from 1 and still be taken as probabilities (float outputs rarely sum to 1 exactly).</summary>
    public const double ProbabilitySumTolerance = 1e-3;

    private const int TopK = 5;

    private readonly ImmutableArray<string> _classes;
    private readonly long[] _confusion;
    private readonly CalibrationBins? _asGiven;
    private readonly CalibrationBins? _softmax;
    private int _images;
    private long _top5Hits;
    private bool _allRowsProbabilities = true;

    /// <summary>Starts an empty accumulator.</summary>
    /// <param name="classes">Class names in the order of the model's outputs: at least 2, distinct, not blank.</param>
    /// <param name="ceBins">Equal-width bins for the expected calibration error; 0 turns calibration off (ECE reported as null).</param>
    public ClassificationAccumulator(IReadOnlyList<string> classes, int ceBins = 15)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentOutOfRangeException.ThrowIfNegative(ceBins);
        if (classes.Count < 2)
        {
            throw new ArgumentException($"At least 2 classes are needed to evaluate a classifier; got {classes.Count}.", nameof(classes));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Count; i++)
        {
            string? name = classes[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"Class {i} has no name; every class needs one for the report.", nameof(classes));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Class '{name}' appears more than once (again at index {i}); class names must be distinct.", nameof(classes));
            }
        }

        _classes = [.. classes];
        _confusion = new long[_classes.Length * _classes.Length];
        if (ceBins > 0)
        {
            _asGiven = new CalibrationBins(ceBins);
            _softmax = new CalibrationBins(ceBins);
        }
    }

    /// <summary>Class names, in index order.</summary>
    public ImmutableArray<string> Classes => _classes;

    /// <summary>Images added so far.</summary>
    public int Images => _images;

    /// <summary>Adds one image's prediction. The row is checked in full before anything is counted, so a rejected row changes nothing.</summary>
    /// <param name="scores">One row of model outputs (logits or probabilities), one finite value per class, in class order.</param>
    /// <param name="trueClass">Index of the image's true class in the class list.</param>
    /// <exception cref="ArgumentException">The row's length is not the class count, or a score is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trueClass"/> is not a class index.</exception>
    public void Add(ReadOnlySpan<float> scores, int trueClass)
    {
        int n = _classes.Length;
        if (scores.Length != n)
        {
            throw new ArgumentException($"The scores row has {scores.Length} values but there are {n} classes; a row needs one score per class, in class order.", nameof(scores));
        }

        if ((uint)trueClass >= (uint)n)
        {
            throw new ArgumentOutOfRangeException(nameof(trueClass), trueClass, $"The true class must be an index from 0 to {n - 1}.");
        }

        int predicted = 0;
        float best = scores[0];
        double sum = 0;
        bool nonNegative = true;
        for (int i = 0; i < n; i++)
        {
            float s = scores[i];
            if (!float.IsFinite(s))
            {
                throw new ArgumentException(FormattableString.Invariant($"Score {i} ('{_classes[i]}') is {s}; scores must be finite, so the model or its preprocessing is broken."), nameof(scores));
            }

            // Strictly greater, so the lower index wins a tie, matching the rank rule below.
            if (s > best)
            {
                best = s;
                predicted = i;
            }

            sum += s;
            nonNegative &= s >= 0;
        }

        if (_images == int.MaxValue)
        {
            throw new InvalidOperationException("The accumulator holds the maximum number of images.");
        }

        _images++;
        _confusion[(trueClass * n) + predicted]++;
        if (n > TopK && RankOf(scores, trueClass) < TopK)
        {
            _top5Hits++;
        }

        _allRowsProbabilities &= nonNegative && Math.Abs(sum - 1) <= ProbabilitySumTolerance;
        if (_asGiven is not null && _softmax is not null)
        {
            // Both readings are binned because one later row of logits makes every earlier row logits too.
            bool correct = predicted == trueClass;
            if (_allRowsProbabilities)
            {
                _asGiven.Add(best, correct);
            }

            _softmax.Add(SoftmaxMax(scores, best), correct);
        }
    }

    /// <summary>Builds the report from everything added so far.</summary>
    /// <param name="worstK">How many classes to list in <see cref="ClassificationReport.WorstRecall"/>.</param>
    /// <param name="mostConfusedK">How many cells to list in <see cref="ClassificationReport.MostConfused"/>.</param>
    /// <exception cref="InvalidOperationException">No image was added: there is nothing to report.</exception>
    public ClassificationReport Build(int worstK = 5, int mostConfusedK = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(worstK);
        ArgumentOutOfRangeException.ThrowIfNegative(mostConfusedK);
        if (_images == 0)
        {
            throw new InvalidOperationException("No predictions were added, so there is nothing to report.");
        }

        int n = _classes.Length;
        long top1Hits = 0;
        var support = new long[n];
        var predicted = new long[n];
        for (int t = 0; t < n; t++)
        {
            for (int p = 0; p < n; p++)
            {
                long count = _confusion[(t * n) + p];
                support[t] += count;
                predicted[p] += count;
            }

            top1Hits += _confusion[(t * n) + t];
        }

        var perClass = ImmutableArray.CreateBuilder<ClassMetrics>(n);
        for (int c = 0; c < n; c++)
        {
            long tp = _confusion[(c * n) + c];
            double precision = predicted[c] == 0 ? 0 : (double)tp / predicted[c];
            double recall = support[c] == 0 ? 0 : (double)tp / support[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(_classes[c], c, precision, recall, f1, support[c], predicted[c]));
        }

        ImmutableArray<ClassMetrics> classes = perClass.MoveToImmutable();
        ClassMetrics[] present = [.. classes.Where(c => c.Support > 0)];
        var macro = new Averages(present.Average(c => c.Precision), present.Average(c => c.Recall), present.Average(c => c.F1));
        var weighted = new Averages(
            present.Sum(c => c.Precision * c.Support) / _images,
            present.Sum(c => c.Recall * c.Support) / _images,
            present.Sum(c => c.F1 * c.Support) / _images);

        var top1 = Proportion.Of(top1Hits, _images);
        return new ClassificationReport(
            _images,
            _classes,
            top1,
            n > TopK ? Proportion.Of(_top5Hits, _images) : null,
            classes,
            macro,
            weighted,
            macro.Recall,
            ConfusionMatrix(),
            MostConfused(mostConfusedK),
            [.. present.OrderBy(c => c.Recall).ThenBy(c => c.Index).Take(worstK)],
            (_allRowsProbabilities ? _asGiven : _softmax)?.ExpectedCalibrationError(),
            _allRowsProbabilities,
            ClassificationWarnings.Find(classes, top1));
    }

    /// <summary>Classes ranked above the true class: a higher score, or an equal score and a lower index.</summary>
    private static int RankOf(ReadOnlySpan<float> scores, int trueClass)
    {
        float t = scores[trueClass];
        int rank = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] > t || (scores[i] == t && i < trueClass))
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>The largest softmax probability, 1 / Σ exp(s − max), shifted by the max so large logits cannot overflow.</summary>
    private static double SoftmaxMax(ReadOnlySpan<float> scores, float max)
    {
        double sum = 0;
        foreach (float s in scores)
        {
            sum += Math.Exp((double)s - max);
        }

        return 1 / sum;
    }

    private ImmutableArray<ImmutableArray<long>> ConfusionMatrix()
    {
        int n = _classes.Length;
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<long>>(n);
        for (int t = 0; t < n; t++)
        {
            rows.Add([.. _confusion.AsSpan(t * n, n)]);
        }

        return rows.MoveToImmutable();
    }

    private ImmutableArray<ConfusedPair> MostConfused(int k)
    {
        int n = _classes.Length;

        // Cell index t * n + p already orders ties by true then predicted class, so a stable sort on count suffices.
        return [.. Enumerable.Range(0, _confusion.Length)
            .Where(i => _confusion[i] > 0 && i / n != i % n)
            .OrderByDescending(i => _confusion[i])
            .Take(k)
            .Select(i => new ConfusedPair(_classes[i / n], _classes[i % n], _confusion[i]))];
    }
}
