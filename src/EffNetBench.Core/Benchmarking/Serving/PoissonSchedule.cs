namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>Open-loop arrival times of a Poisson process: exponential inter-arrival times with mean 1 / rate, drawn by
/// inversion (-ln U) from a seeded generator. Every rate scales the same unit sequence of a seed (common random
/// numbers), so two offered rates differ only by the rate, not by their draw.</summary>
public static class PoissonSchedule
{
    /// <summary>The first arrivals, in seconds from the start: <paramref name="count"/> of them, or fewer when the
    /// span <paramref name="maxSeconds"/> ends first (at least one).</summary>
    public static double[] Arrivals(int seed, double rate, int count, double maxSeconds)
    {
        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the rate must be positive");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var arrivals = new List<double>(count);
        double t = 0;
        while (arrivals.Count < count)
        {
            t += -Math.Log(1 - random.NextDouble()) / rate; // 1 - U is in (0, 1]: never ln 0
            if (t > maxSeconds && arrivals.Count > 0)
            {
                break;
            }

            arrivals.Add(t);
        }

        return [.. arrivals];
    }
}
