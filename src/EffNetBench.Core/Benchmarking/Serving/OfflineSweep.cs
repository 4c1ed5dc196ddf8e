using System.Collections.Immutable;
using EffNetBench.Core.Results;
using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>
/// The offline scenario: for each concurrency level, that many workers issue requests back to back on the same model;
/// the completed images are counted over successive windows. A point's throughput is its images over its windows'
/// span; its 95 % interval is Student's t over the window throughputs (mean +- t_{0.975, k-1} s / sqrt(k)), which
/// treats the windows as independent (each holds many requests, so their correlation is small).
/// </summary>
public static class OfflineSweep
{
    /// <param name="executors">At least as many as the largest level; level N uses the first N.</param>
    /// <param name="levels">Concurrency levels, in sweep order.</param>
    public static OfflineResult Run(IReadOnlyList<IRequestExecutor> executors, int imagesPerRequest, IReadOnlyList<int> levels,
        ServingBudget budget, IServingClock clock, string? note)
    {
        ArgumentNullException.ThrowIfNull(executors);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(budget);
        if (levels.Count == 0 || levels.Any(l => l < 1 || l > executors.Count))
        {
            throw new ArgumentException($"concurrency levels must be from 1 to {executors.Count}", nameof(levels));
        }

        ImmutableArray<OfflinePoint> points = [.. levels.Select(level => Point(executors.Take(level).ToArray(), imagesPerRequest, budget, clock))];
        OfflinePoint best = points.MaxBy(p => p.ImagesPerSecond)!;
        return new OfflineResult(points, best, budget.OfflineRule, note);
    }

    private static OfflinePoint Point(IRequestExecutor[] executors, int imagesPerRequest, ServingBudget budget, IServingClock clock)
    {
        long completed = 0;
        int stop = 0;
        Exception? failure = null;
        Thread[] workers = [.. executors.Select((e, k) => new Thread(() =>
        {
            try
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    e.Execute();
                    Interlocked.Increment(ref completed);
                }
            }
            catch (Exception x)
            {
                Interlocked.CompareExchange(ref failure, x, null);
                Volatile.Write(ref stop, 1);
            }
        }) { IsBackground = true, Name = $"offline worker {k}" })];

        long frequency = clock.Frequency;
        long window = Math.Max(1, (long)(budget.OfflineWindow.TotalSeconds * frequency));
        long cap = (long)(budget.OfflinePointCap.TotalSeconds * frequency);
        var windows = new List<double>();
        long origin = clock.Now();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        // The warm-up lasts its time and at least as many requests as workers (a slow model's first ones may outlast it).
        clock.SleepUntil(origin + (long)(budget.OfflineWarmup.TotalSeconds * frequency));
        while (Interlocked.Read(ref completed) < workers.Length && Volatile.Read(ref failure) is null)
        {
            clock.SleepUntil(clock.Now() + (frequency / 1000));
        }

        long begin = clock.Now();
        long startCount = Interlocked.Read(ref completed);
        TimeSpan cpuBegin = clock.ProcessCpu();
        long lastCount = startCount, last = begin;
        while (Volatile.Read(ref failure) is null)
        {
            clock.SleepUntil(last + window);
            long now = clock.Now();
            long count = Interlocked.Read(ref completed);
            windows.Add((count - lastCount) * imagesPerRequest / ((now - last) / (double)frequency));
            lastCount = count;
            last = now;
            // The cap stops a point only once it holds as many requests as workers (a model slower than the cap).
            if ((windows.Count >= budget.OfflineMinWindows && Precise(windows, budget.OfflineTargetRelativeCi))
                || (now - begin >= cap && count - startCount >= workers.Length))
            {
                break;
            }
        }

        TimeSpan cpuEnd = clock.ProcessCpu();
        Volatile.Write(ref stop, 1);
        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"a request failed in the offline sweep: {failure.Message.Split('\n')[0]}", failure);
        }

        long images = (lastCount - startCount) * imagesPerRequest;
        double seconds = (last - begin) / (double)frequency;
        (double low, double high) = Interval(windows);
        return new OfflinePoint(executors.Length, imagesPerRequest, images / seconds, low, high, images, seconds, [.. windows],
            (cpuEnd - cpuBegin).TotalMilliseconds / Math.Max(1, images));
    }

    /// <summary>The 95 % t-interval of the window throughputs (equal when there is one window).</summary>
    public static (double Low, double High) Interval(IReadOnlyList<double> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        double mean = windows.Average();
        if (windows.Count < 2)
        {
            return (mean, mean);
        }

        double half = HalfWidth(windows, mean);
        return (mean - half, mean + half);
    }

    private static bool Precise(IReadOnlyList<double> windows, double target)
    {
        double mean = windows.Average();
        return mean > 0 && HalfWidth(windows, mean) <= target * mean;
    }

    private static double HalfWidth(IReadOnlyList<double> windows, double mean)
    {
        int k = windows.Count;
        double variance = windows.Sum(w => (w - mean) * (w - mean)) / (k - 1);
        return new StudentDistribution(k - 1).Quantile(0.975) * Math.Sqrt(variance / k);
    }
}
