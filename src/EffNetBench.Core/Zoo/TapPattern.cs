namespace EffNetBench.Core.Zoo;

/// <summary>Along one axis of a zero-padded conv: which taps [First, End) fall inside the input, and for what share
/// of output positions. Interior positions share one pattern; each border position near the edge has its own.</summary>
internal readonly record struct TapPattern(int First, int End, double Share)
{
    /// <summary>Patterns for a k // 2 padded conv over <paramref name="size"/> inputs.</summary>
    public static TapPattern[] Of(int size, int kernel, int stride)
    {
        int pad = kernel / 2;
        int outSize = ArchitectureCounter.OutputSize(size, stride);
        var counts = new Dictionary<(int, int), int>();
        for (int o = 0; o < outSize; o++)
        {
            int origin = (o * stride) - pad;
            int first = Math.Max(0, -origin);
            int end = Math.Min(kernel, size - origin);
            counts[(first, end)] = counts.GetValueOrDefault((first, end)) + 1;
        }

        return counts.OrderBy(kv => kv.Key).Select(kv => new TapPattern(kv.Key.Item1, kv.Key.Item2, (double)kv.Value / outSize)).ToArray();
    }
}
