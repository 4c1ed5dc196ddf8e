namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>What one server point measured, per request in arrival order.</summary>
/// <param name="LatenciesMs">Completion minus scheduled arrival (queueing included).</param>
/// <param name="ServiceMs">Completion minus the executor's start: the request's own execution time.</param>
/// <param name="IssueDelaysMs">When the dispatcher handed the request over, minus its scheduled arrival.</param>
/// <param name="Seconds">From the schedule's start (time 0 of the arrivals) to the last completion.</param>
/// <param name="CpuSeconds">Process CPU time over the span, all threads.</param>
public sealed record ServerLoadResult(double[] LatenciesMs, double[] ServiceMs, double[] IssueDelaysMs, int LateIssues, double Seconds, double CpuSeconds);

/// <summary>
/// One open-loop load: a dispatcher issues each request at its scheduled arrival to a FIFO queue served by a pool of
/// executors, and each latency runs from the scheduled arrival to completion. The dispatcher never waits for a request
/// to finish before issuing the next (waiting would hide queueing: coordinated omission); a request it issues more than
/// <see cref="ServingBudget.LateIssueThreshold"/> late is counted, still executed and still timed from its schedule.
/// </summary>
public static class ServerLoad
{
    /// <param name="executors">One per pool thread, made before the load starts.</param>
    /// <param name="arrivalsSeconds">Scheduled arrivals, increasing, from <see cref="PoissonSchedule"/>.</param>
    public static ServerLoadResult Run(IReadOnlyList<IRequestExecutor> executors, double[] arrivalsSeconds, IServingClock clock)
    {
        ArgumentNullException.ThrowIfNull(executors);
        ArgumentNullException.ThrowIfNull(arrivalsSeconds);
        ArgumentNullException.ThrowIfNull(clock);
        if (executors.Count == 0)
        {
            throw new ArgumentException("at least one executor is needed", nameof(executors));
        }

        int count = arrivalsSeconds.Length;
        long frequency = clock.Frequency;
        var scheduled = new long[count];
        var issued = new long[count];
        var started = new long[count];
        var done = new long[count];
        long lateTicks = (long)(ServingBudget.LateIssueThreshold.TotalSeconds * frequency);
        using var ready = new SemaphoreSlim(0);
        int taken = -1;
        Exception? failure = null;

        void Serve(IRequestExecutor executor)
        {
            while (true)
            {
                ready.Wait();
                int i = Interlocked.Increment(ref taken);
                if (i >= count || Volatile.Read(ref failure) is not null)
                {
                    return;
                }

                clock.Taken(i);
                started[i] = clock.Now();
                try
                {
                    executor.Execute();
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }

                done[i] = clock.Now();
            }
        }

        Thread[] pool = [.. executors.Select((e, k) => new Thread(() => Serve(e)) { IsBackground = true, Name = $"server executor {k}" })];
        foreach (Thread thread in pool)
        {
            thread.Start();
        }

        TimeSpan cpuBefore = clock.ProcessCpu();
        long origin = clock.Now() + (frequency / 1000); // 1 ms ahead, so the first arrival is not issued late by the set-up
        int late = 0;
        for (int i = 0; i < count && Volatile.Read(ref failure) is null; i++)
        {
            scheduled[i] = origin + (long)(arrivalsSeconds[i] * frequency);
            clock.SleepUntil(scheduled[i]);
            issued[i] = clock.Now();
            if (issued[i] - scheduled[i] > lateTicks)
            {
                late++;
            }

            clock.Issued(i);
            ready.Release();
        }

        ready.Release(pool.Length); // one past the end each: the executors finish the queue, then stop
        foreach (Thread thread in pool)
        {
            thread.Join();
        }

        TimeSpan cpuAfter = clock.ProcessCpu();
        if (failure is not null)
        {
            throw new InvalidOperationException($"a request failed under the server load: {failure.Message.Split('\n')[0]}", failure);
        }

        double ToMs(long ticks) => ticks * 1000.0 / frequency;
        return new ServerLoadResult(
            [.. Enumerable.Range(0, count).Select(i => ToMs(done[i] - scheduled[i]))],
            [.. Enumerable.Range(0, count).Select(i => ToMs(done[i] - started[i]))],
            [.. Enumerable.Range(0, count).Select(i => ToMs(issued[i] - scheduled[i]))],
            late,
            (done.Max() - origin) / (double)frequency,
            (cpuAfter - cpuBefore).TotalSeconds);
    }
}
