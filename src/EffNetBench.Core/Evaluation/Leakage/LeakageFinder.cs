using System.Collections.Immutable;
using System.Security.Cryptography;
using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>
/// Finds test images that also appear in the training set: exact duplicates by the SHA-256 of the file bytes, near
/// duplicates (re-encoded, resized, brightened copies; the same pixels in another format at distance 0) by the
/// <see cref="PerceptualHash"/> Hamming distance. Images are hashed on <see cref="Environment.ProcessorCount"/>
/// workers, each holding one decoded image at a time; only the hashes are kept, so memory does not grow with image
/// size. Pairing is described on <see cref="LeakageMatcher"/>. Unreadable images are listed in the report, not fatal.
/// </summary>
public static class LeakageFinder
{
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside 0 to <see cref="PerceptualHash.MaxThreshold"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static LeakageReport Find(LeakageRequest request, IProgress<LeakageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Threshold is < 0 or > PerceptualHash.MaxThreshold)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Threshold,
                FormattableString.Invariant($"the threshold must be 0 to {PerceptualHash.MaxThreshold}"));
        }

        if (request.Train.IsDefault || request.Test.IsDefault)
        {
            throw new ArgumentException("the train and test image lists must be initialised", nameof(request));
        }

        LeakageImage[] all = [.. request.Train, .. request.Test];
        var hashes = new ImageHashes[all.Length];
        var errors = new string?[all.Length];
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, all.Length, options, i =>
        {
            (hashes[i], errors[i]) = Hash(all[i].Path);
            progress?.Report(new LeakageProgress(Interlocked.Increment(ref done), all.Length));
        });

        int trainCount = request.Train.Length;
        LeakageMatches matches = LeakageMatcher.Match(hashes[..trainCount], hashes[trainCount..], request.Threshold, cancellationToken);
        LeakageImage Train(int i) => request.Train[i];
        LeakageImage Test(int i) => request.Test[i];

        ImmutableArray<ExactDuplicate> exact = [.. matches.Exact
            .Select(e => new ExactDuplicate(Test(e.Test), [.. e.Train.Select(Train).OrderBy(t => t.Path, StringComparer.Ordinal)]))
            .OrderBy(e => e.Test.Path, StringComparer.Ordinal)];
        ImmutableArray<NearDuplicate> near = [.. matches.Near
            .Select(n => new NearDuplicate(Test(n.Test), Train(n.Train), n.Distance))
            .OrderBy(n => n.Test.Path, StringComparer.Ordinal).ThenBy(n => n.Distance).ThenBy(n => n.Train.Path, StringComparer.Ordinal)];
        ImmutableArray<UnreadableImage> unreadable = [.. Enumerable.Range(0, all.Length)
            .Where(i => errors[i] is not null)
            .Select(i => new UnreadableImage(i < trainCount ? LeakageSet.Train : LeakageSet.Test, all[i].Path, errors[i]!))
            .OrderBy(u => u.Set).ThenBy(u => u.Path, StringComparer.Ordinal)];
        ImmutableArray<string> featureless = [.. Enumerable.Range(0, all.Length)
            .Where(i => errors[i] is null && hashes[i].Phash is null)
            .OrderBy(i => i >= trainCount).ThenBy(i => all[i].Path, StringComparer.Ordinal)
            .Select(i => all[i].Path)];
        return new LeakageReport(request.TrainRoot, request.TestRoot, trainCount, request.Test.Length, exact, near, unreadable, featureless, request.Threshold);
    }

    /// <returns>The hashes, and why the image has no perceptual hash when it could not be read or decoded.</returns>
    private static (ImageHashes Hashes, string? Error) Hash(string path)
    {
        string sha;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new ImageHashes(null, null), $"'{path}' could not be read: {e.Message}");
        }

        using DecodeResult decoded = ImageDecoder.Decode(path);
        if (decoded.Image is null)
        {
            return (new ImageHashes(sha, null), decoded.Error ?? "not decodable");
        }

        try
        {
            return (new ImageHashes(sha, PerceptualHash.Compute(decoded.Image)), null);
        }
        catch (ArgumentException e)
        {
            return (new ImageHashes(sha, null), $"'{path}' could not be hashed: {e.Message}");
        }
    }
}
