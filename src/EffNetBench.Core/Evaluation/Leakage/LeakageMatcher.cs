using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>
/// Pairs test images with training images: exact duplicates by equal SHA-256, near duplicates by a perceptual-hash
/// Hamming distance at most the threshold (inclusive). A pair that is exact is not also listed as near; a test image
/// may have both an exact match and near matches among other training images.
/// <para>
/// Near pairs are found by brute force, every test hash against every training hash (one XOR and one popcount each),
/// in parallel over test images: 10^4 images a side is 10^8 cheap comparisons, far less work than decoding the
/// images. Multi-index hashing would only prune by pigeonhole when the threshold is small next to the band count
/// (4 bands of 16 bits guarantee a shared band only for distances below 4), far below the default threshold.
/// </para>
/// </summary>
internal static class LeakageMatcher
{
    public static LeakageMatches Match(IReadOnlyList<ImageHashes> train, IReadOnlyList<ImageHashes> test, int threshold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);

        var byContent = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var hashed = new List<(ulong Hash, int Index)>(train.Count);
        for (int i = 0; i < train.Count; i++)
        {
            if (train[i].Sha256 is string sha)
            {
                if (!byContent.TryGetValue(sha, out List<int>? same))
                {
                    byContent[sha] = same = [];
                }

                same.Add(i);
            }

            if (train[i].Phash is ulong hash)
            {
                hashed.Add((hash, i));
            }
        }

        ulong[] trainHashes = [.. hashed.Select(h => h.Hash)];
        int[] trainIndices = [.. hashed.Select(h => h.Index)];
        var exact = new List<(int, ImmutableArray<int>)>();
        var near = new List<(int Test, int Train, int Distance)>[test.Count];
        for (int t = 0; t < test.Count; t++)
        {
            if (test[t].Sha256 is string sha && byContent.TryGetValue(sha, out List<int>? same))
            {
                exact.Add((t, [.. same]));
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, test.Count, options, t =>
        {
            if (test[t].Phash is not ulong hash)
            {
                return;
            }

            string? sha = test[t].Sha256;
            List<(int, int, int)>? found = null;
            for (int k = 0; k < trainHashes.Length; k++)
            {
                int distance = PerceptualHash.Distance(hash, trainHashes[k]);
                if (distance <= threshold && (sha is null || !string.Equals(sha, train[trainIndices[k]].Sha256, StringComparison.Ordinal)))
                {
                    (found ??= []).Add((t, trainIndices[k], distance));
                }
            }

            if (found is not null)
            {
                found.Sort((a, b) => a.Item3 != b.Item3 ? a.Item3.CompareTo(b.Item3) : a.Item2.CompareTo(b.Item2));
                near[t] = found;
            }
        });

        return new LeakageMatches([.. exact], [.. near.Where(n => n is not null).SelectMany(n => n)]);
    }
}
