using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>Pairs found by <see cref="LeakageMatcher"/>, as indices into the train and test lists it was given.</summary>
/// <param name="Exact">Each test image with identical bytes in the training set, and all such training images
/// (ascending), by ascending test index.</param>
/// <param name="Near">(test, train, distance) for every pair within the threshold whose bytes differ, by test index,
/// then distance, then train index.</param>
internal sealed record LeakageMatches(
    ImmutableArray<(int Test, ImmutableArray<int> Train)> Exact,
    ImmutableArray<(int Test, int Train, int Distance)> Near);
