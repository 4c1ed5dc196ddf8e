namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>Every image's true class and outputs from one evaluation, by path: what a paired comparison of two
/// precisions needs (the same images through both models).</summary>
public sealed class ImageScores
{
    private readonly Dictionary<string, (int TrueClass, float[] Scores)> _images = new(StringComparer.Ordinal);

    public int Count => _images.Count;

    public IEnumerable<string> Paths => _images.Keys;

    /// <summary>Records an image (an <see cref="ImageScoresObserver"/>).</summary>
    public void Add(string path, int trueClass, ReadOnlySpan<float> scores) => _images[path] = (trueClass, scores.ToArray());

    public bool TryGet(string path, out int trueClass, out float[] scores)
    {
        bool found = _images.TryGetValue(path, out var entry);
        (trueClass, scores) = found ? entry : (-1, []);
        return found;
    }

    /// <summary>The index of the largest output; the first one on a tie.</summary>
    public static int Top1(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }
}
