using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>
/// Test images that also appear in the training set. Leakage inflates every accuracy metric measured on the test set:
/// <see cref="LeakedFraction"/> of it was, in effect, seen in training.
/// </summary>
/// <param name="TrainImages">Training images checked (unreadable ones included).</param>
/// <param name="TestImages">Test images checked (unreadable ones included): the denominator of <see cref="LeakedFraction"/>.</param>
/// <param name="ExactDuplicates">By test path; training copies by path.</param>
/// <param name="NearDuplicates">By test path, then distance, then training path.</param>
/// <param name="Unreadable">Images that could not be decoded (training first, then test, each by path): listed, not fatal.</param>
/// <param name="Featureless">Images decoded but without detail for a perceptual hash (see <see cref="PerceptualHash"/>),
/// training first, then test, each by path: only exact matching applies to them.</param>
/// <param name="Threshold">The largest Hamming distance counted as a near duplicate (inclusive).</param>
public sealed record LeakageReport(
    string? TrainRoot,
    string? TestRoot,
    int TrainImages,
    int TestImages,
    ImmutableArray<ExactDuplicate> ExactDuplicates,
    ImmutableArray<NearDuplicate> NearDuplicates,
    ImmutableArray<UnreadableImage> Unreadable,
    ImmutableArray<string> Featureless,
    int Threshold)
{
    public const string ExactHash = "sha256 of the file bytes";

    public string Hash => PerceptualHash.Definition;

    /// <summary>Distinct test images with an exact or a near duplicate in the training set.</summary>
    public int LeakedTestImages => LeakedPaths().Count();

    /// <summary><see cref="LeakedTestImages"/> / <see cref="TestImages"/>.</summary>
    public double LeakedFraction => TestImages == 0 ? 0 : (double)LeakedTestImages / TestImages;

    /// <summary>Distinct test images with exact duplicates only (no distance needed to call them leaked).</summary>
    public int ExactTestImages => ExactDuplicates.Length;

    /// <summary>Distinct test images with near duplicates but no exact one.</summary>
    public int NearOnlyTestImages => LeakedTestImages - ExactTestImages;

    /// <summary>Distinct leaked test images with a training copy that carries another label: the same picture taught
    /// as one class and scored as another.</summary>
    public int LabelConflicts =>
        ExactDuplicates.Where(e => e.LabelConflict).Select(e => e.Test.Path)
            .Union(NearDuplicates.Where(n => n.LabelConflict).Select(n => n.Test.Path), StringComparer.Ordinal)
            .Count();

    /// <summary>True when both images are labelled and the labels differ (ordinal).</summary>
    internal static bool Conflicts(LeakageImage test, LeakageImage train) =>
        test.Label is not null && train.Label is not null && !string.Equals(test.Label, train.Label, StringComparison.Ordinal);

    private IEnumerable<string> LeakedPaths() =>
        ExactDuplicates.Select(e => e.Test.Path).Union(NearDuplicates.Select(n => n.Test.Path), StringComparer.Ordinal);
}
