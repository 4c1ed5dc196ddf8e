using System.Diagnostics;

namespace EffNetBench.Core.Benchmarking;

/// <summary>A plain Stopwatch loop around single runs, for the figures timed outside BenchmarkDotNet.</summary>
internal static class RunTimer
{
    /// <summary>
    /// Times runs one by one: at least <paramref name="min"/>, then more while <paramref name="budget"/> lasts, at most
    /// <paramref name="max"/>. Returns each run's milliseconds in run order.
    /// </summary>
    public static double[] Time(InferenceRunner runner, int min, int max, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        var samples = new double[max];
        int count = 0;
        long begin = Stopwatch.GetTimestamp();
        while (count < max && (count < min || Stopwatch.GetElapsedTime(begin) < budget))
        {
            long start = Stopwatch.GetTimestamp();
            runner.Run();
            samples[count++] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return count == max ? samples : samples[..count];
    }
}
