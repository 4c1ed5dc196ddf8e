namespace EffNetBench.Core.Zoo;

/// <summary>A tiny, fast, platform-independent generator (Steele et al. 2014): same seed, same numbers, everywhere.</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [-1, 1), 24 random bits.</summary>
    public float NextSymmetric() => ((NextUInt64() >> 40) * (2.0f / (1 << 24))) - 1.0f;

    /// <summary>Uniform in [lo, hi).</summary>
    public double NextDouble(double lo, double hi) => lo + ((hi - lo) * (NextUInt64() >> 11) * (1.0 / (1UL << 53)));
}
