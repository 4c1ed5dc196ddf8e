using System.Diagnostics;
using System.Numerics;

namespace EffNetBench.Core.Benchmarking.Peaks;

/// <summary>The bandwidth cross-check: a plain C# loop z[i] = x[i] + y[i] (SIMD-wide, split over the same number of
/// threads), no ONNX Runtime involved.</summary>
internal static class StreamingLoop
{
    /// <summary>Best GB/s (bytes read + written) over <paramref name="repetitions"/> passes after one warm-up pass.</summary>
    public static double BestGBps(long elements, int threads, int repetitions)
    {
        float[] x = new float[elements], y = new float[elements], z = new float[elements];
        Array.Fill(x, 1f);
        Array.Fill(y, 2f);
        double bytes = 3.0 * sizeof(float) * elements;
        double best = 0;
        for (int r = 0; r <= repetitions; r++)
        {
            long start = Stopwatch.GetTimestamp();
            Pass(x, y, z, threads);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (r > 0 && seconds > 0)
            {
                best = Math.Max(best, bytes / seconds / 1e9);
            }
        }

        // Read back so the stores cannot be treated as dead.
        return z[elements / 2] == 3f ? best : throw new InvalidOperationException("the streaming loop computed a wrong sum");
    }

    private static void Pass(float[] x, float[] y, float[] z, int threads)
    {
        int chunk = (int)Math.Ceiling(x.Length / (double)threads / Vector<float>.Count) * Vector<float>.Count;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int from = t * chunk, to = Math.Min(x.Length, from + chunk);
            int i = from;
            for (; i <= to - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(x, i) + new Vector<float>(y, i)).CopyTo(z, i);
            }

            for (; i < to; i++)
            {
                z[i] = x[i] + y[i];
            }
        });
    }
}
