using EffNetBench.Core.Benchmarking.Serving;

namespace EffNetBench.Tests.Benchmarking.Serving;

/// <summary>The open-loop load against a fake model with a fixed service time: M/D/1 queueing and no coordinated omission.</summary>
[Collection(ServingTimingCollection.Name)]
public sealed class ServerLoadTests
{
    [SkippableFact]
    [Trait("Category", "Slow")] // real time: a busy machine delays hand-overs; skipped then (QuietMachine)
    public void One_executor_at_half_load_waits_as_M_D_1_predicts()
    {
        const double serviceMs = 2, rho = 0.5;
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(serviceMs));
        double[] arrivals = PoissonSchedule.Arrivals(11, rho * 1000 / serviceMs, 800, double.MaxValue);
        using IRequestExecutor executor = target.CreateExecutor();

        ServerLoadResult load = QuietMachine.Measure(() => ServerLoad.Run([executor], arrivals, ServingClock.System));

        Assert.Equal(arrivals.Length, load.LatenciesMs.Length);
        Assert.Equal(arrivals.Length, target.Executed);

        // Lindley's recursion on the scheduled arrivals and the measured service times is the least each latency can
        // be: a request waits for the work ahead of it (FIFO, one executor) from its schedule, never from its issue.
        double wait = 0;
        for (int i = 0; i < arrivals.Length; i++)
        {
            if (i > 0)
            {
                wait = Math.Max(0, wait + load.ServiceMs[i - 1] - ((arrivals[i] - arrivals[i - 1]) * 1000));
            }

            Assert.True(load.LatenciesMs[i] >= wait + load.ServiceMs[i] - 0.01, $"request {i}: {load.LatenciesMs[i]} ms < {wait + load.ServiceMs[i]} ms");
        }

        // Pollaczek-Khinchine with the service times the fake really had (the sleep overshoots a little); for a fixed
        // service time it is M/D/1's rho D / (2 (1 - rho)). This seed's schedule gives the formula within 5 % over
        // 200000 requests (PoissonScheduleTests); over 800 the mean wait's spread is some 20 %, plus hand-over delays.
        double meanS = load.ServiceMs.Average(), meanS2 = load.ServiceMs.Average(s => s * s);
        double lambda = arrivals.Length / arrivals[^1] / 1000; // per ms
        double realRho = lambda * meanS;
        double expected = lambda * meanS2 / (2 * (1 - realRho));
        double measured = load.LatenciesMs.Zip(load.ServiceMs, (l, s) => l - s).Average();
        Assert.InRange(measured, 0.6 * expected, (1.4 * expected) + 0.3);
    }

    [Fact]
    public void Each_latency_is_the_queueing_of_its_schedule_plus_its_service()
    {
        // One executor at 0.6 load: Lindley's recursion from each request's issue time and the measured services of
        // those ahead of it gives when it could start; the engine's latency adds only the hand-over to the executor.
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(2));
        double[] arrivals = PoissonSchedule.Arrivals(13, 300, 300, double.MaxValue);
        using IRequestExecutor executor = target.CreateExecutor();

        ServerLoadResult load = ServerLoad.Run([executor], arrivals, ServingClock.System);

        var excess = new double[arrivals.Length];
        double freeAt = 0; // ms from the origin when the executor finished the previous request
        for (int i = 0; i < arrivals.Length; i++)
        {
            double scheduled = arrivals[i] * 1000, issued = scheduled + load.IssueDelaysMs[i];
            double start = Math.Max(issued, freeAt);
            excess[i] = load.LatenciesMs[i] - (start + load.ServiceMs[i] - scheduled);
            freeAt = scheduled + load.LatenciesMs[i];
            Assert.True(excess[i] >= -0.01, $"request {i} finished {-excess[i]} ms before its queue allowed");
        }

        Array.Sort(excess);
        Assert.True(excess[excess.Length / 2] < 1, $"median hand-over {excess[excess.Length / 2]} ms");
        Assert.True(load.LatenciesMs.Zip(load.ServiceMs).Count(p => p.First - p.Second > 0.5) > 0, "no request queued at 0.6 load");
    }

    [Fact]
    public void A_stall_shows_in_the_latency_of_every_request_scheduled_during_it()
    {
        // 100 requests/s of 2 ms each; request 20 stalls 150 ms. A generator that waited for each answer before sending
        // the next would send nothing during the stall and report ~2 ms for everyone after it (coordinated omission).
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(2));
        target.Stalls[20] = TimeSpan.FromMilliseconds(150);
        double[] arrivals = PoissonSchedule.Arrivals(5, 100, 60, double.MaxValue);
        using IRequestExecutor executor = target.CreateExecutor();

        ServerLoadResult load = ServerLoad.Run([executor], arrivals, ServingClock.System);

        double stallEndMs = (arrivals[20] * 1000) + load.LatenciesMs[20];
        int during = 0;
        for (int j = 21; j < arrivals.Length && arrivals[j] * 1000 < stallEndMs; j++)
        {
            during++;
            // Scheduled during the stall: its latency runs from its schedule to past the stall's end.
            Assert.True((arrivals[j] * 1000) + load.LatenciesMs[j] >= stallEndMs, $"request {j} finished before the stall ended");
        }

        Assert.True(during >= 8, $"only {during} requests scheduled during the stall");
        Assert.True(load.LatenciesMs[21] >= 100, $"the first request after the stall reports {load.LatenciesMs[21]} ms");
        Assert.Equal(arrivals.Length, target.Executed); // none dropped
        // The dispatcher kept issuing while the executor was stalled (a closed-loop generator would issue none of them
        // before the stall ended); a busy machine may wake it late, so most, not all.
        int issuedDuring = Enumerable.Range(21, during).Count(j => (arrivals[j] * 1000) + load.IssueDelaysMs[j] < stallEndMs);
        Assert.True(issuedDuring >= during / 2, $"{issuedDuring} of {during} issued before the stall ended");
    }

    [Fact]
    public void Late_issues_are_counted_and_still_timed_from_the_schedule()
    {
        // A clock whose sleeps overshoot by 5 ms: every request is issued late; its latency includes the lateness.
        var clock = new OversleepingClock(TimeSpan.FromMilliseconds(5));
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(1));
        using IRequestExecutor executor = target.CreateExecutor();

        ServerLoadResult load = ServerLoad.Run([executor], [0.01, 0.05, 0.09], clock);

        Assert.Equal(3, load.LateIssues);
        Assert.All(load.IssueDelaysMs, d => Assert.True(d >= 5));
        Assert.All(load.LatenciesMs, l => Assert.True(l >= 6));
    }

    private sealed class OversleepingClock(TimeSpan late) : IServingClock
    {
        public long Frequency => ServingClock.System.Frequency;

        public long Now() => ServingClock.System.Now();

        public TimeSpan ProcessCpu() => ServingClock.System.ProcessCpu();

        public void SleepUntil(long timestamp) => ServingClock.System.SleepUntil(timestamp + (long)(late.TotalSeconds * Frequency));
    }
}
