using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking.Serving;

/// <summary>The real server engine (dispatcher, queue, executor thread) on virtual time: a fixed service time D and
/// seeded Poisson arrivals make it an M/D/1 queue whose figures are exact and do not depend on the machine.</summary>
public sealed class VirtualServerTests
{
    private static readonly TimeSpan D = TimeSpan.FromMilliseconds(10);

    private static (ServerLoadResult Load, VirtualTarget Target) Load(double rho, int count, int seed = 11, Action<VirtualTarget>? setUp = null)
    {
        var clock = new VirtualClock();
        var target = new VirtualTarget(clock, D);
        setUp?.Invoke(target);
        using IRequestExecutor executor = target.CreateExecutor();
        double[] arrivals = PoissonSchedule.Arrivals(seed, rho / D.TotalSeconds, count, double.MaxValue);
        return (ServerLoad.Run([executor], arrivals, clock), target);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void The_mean_wait_is_M_D_1s(double rho)
    {
        // M/D/1 (Pollaczek-Khinchine, Var S = 0): E[W] = rho D / (2 (1 - rho)). 20000 requests: the mean wait's spread
        // across seeds is a few percent at rho 0.3-0.5 and some 10 % at 0.8 (long busy periods), hence the tolerances.
        (ServerLoadResult load, VirtualTarget target) = Load(rho, 20000);

        double expected = rho * D.TotalMilliseconds / (2 * (1 - rho));
        double wait = load.LatenciesMs.Average() - D.TotalMilliseconds;
        Assert.InRange(wait, expected * (rho < 0.7 ? 0.93 : 0.85), expected * (rho < 0.7 ? 1.07 : 1.15));
        Assert.All(load.ServiceMs, s => Assert.Equal(D.TotalMilliseconds, s, 9));
        Assert.Equal(0, load.LateIssues);
        Assert.Equal(20000, target.Executed);
    }

    [Fact]
    public void A_request_waits_with_probability_rho()
    {
        // M/D/1 (and any M/G/1): the chance that an arrival finds the server busy is rho.
        (ServerLoadResult load, _) = Load(0.4, 20000);

        double waited = load.LatenciesMs.Count(l => l > D.TotalMilliseconds + 1e-6) / (double)load.LatenciesMs.Length;
        Assert.InRange(waited, 0.38, 0.42);
    }

    [Fact]
    public void At_a_light_load_p50_is_the_single_stream_latency_and_p99_rises_with_load()
    {
        ServerPoint Point(double rho)
        {
            (ServerLoadResult load, _) = Load(rho, 2000, seed: 3);
            return ServerScenario.Summarise(rho / D.TotalSeconds, load, 1, 1000);
        }

        ServerPoint light = Point(0.1), half = Point(0.5), heavy = Point(0.9);

        // At rho 0.1, 90 % of requests find the server idle: the median is the service time itself.
        Assert.Equal(D.TotalMilliseconds, light.P50Ms, 9);
        Assert.True(light.P99Ms < half.P99Ms && half.P99Ms < heavy.P99Ms, $"{light.P99Ms}, {half.P99Ms}, {heavy.P99Ms}");
        Assert.True(heavy.P99Ms > 5 * D.TotalMilliseconds, $"{heavy.P99Ms}");
    }

    [Fact]
    public void A_stall_delays_every_request_scheduled_during_it_by_what_remains_of_it()
    {
        // Request 100 takes 500 ms instead of 10 at rho 0.5 (50 requests/s): ~25 requests arrive during it. Each one's
        // latency is at least the time from its schedule to the stall's end, plus its own service: what a user would
        // see. A closed-loop generator would have sent none of them until the stall ended (coordinated omission).
        (ServerLoadResult load, VirtualTarget target) = Load(0.5, 400, setUp: t => t.Stalls[100] = TimeSpan.FromMilliseconds(500));
        double[] arrivals = PoissonSchedule.Arrivals(11, 50, 400, double.MaxValue);

        double stallEnd = (arrivals[100] * 1000) + load.LatenciesMs[100];
        int during = 0;
        for (int j = 101; j < arrivals.Length && arrivals[j] * 1000 < stallEnd; j++)
        {
            during++;
            Assert.True(load.LatenciesMs[j] >= stallEnd - (arrivals[j] * 1000) + D.TotalMilliseconds - 1e-6, $"request {j}: {load.LatenciesMs[j]} ms");
        }

        Assert.InRange(during, 15, 40);
        Assert.True(load.LatenciesMs[101] > 400, $"{load.LatenciesMs[101]}");
        Assert.Equal(400, target.Executed); // none dropped
        Assert.All(load.IssueDelaysMs, d => Assert.Equal(0, d, 9)); // the dispatcher issued on schedule throughout
    }

    [Fact]
    public void The_rate_search_is_reproducible_and_brackets_the_bound_below_capacity()
    {
        ServerResult Search()
        {
            var clock = new VirtualClock();
            var target = new VirtualTarget(clock, D);
            using IRequestExecutor executor = target.CreateExecutor();
            var budget = ServingBudget.Default with { ServerRequests = 3000, ServerSteps = 6 };

            // One executor of 10 ms: capacity 100 requests/s; bound 3 x D.
            return ServerScenario.Run([executor], 1, 100, 3 * D.TotalMilliseconds, "test", 5, budget, clock);
        }

        ServerResult first = Search(), second = Search();

        Assert.Equal(first.Points.Select(p => (p.OfferedRate, p.P99Ms)), second.Points.Select(p => (p.OfferedRate, p.P99Ms)));
        Assert.Equal(6, first.Points.Length);
        Assert.All(first.Points, p => Assert.Equal(p.P99Ms <= 30, p.WithinBound));
        Assert.All(first.Points, p => Assert.InRange(p.OfferedRate, 1, 99.999));
        double max = Assert.IsType<double>(first.MaxRateWithinBound);
        double high = Assert.IsType<double>(first.RateBracketHigh);
        Assert.True(max < high, $"{max} >= {high}");
        // M/D/1's wait tail is about P(W > t) = rho e^(-g t), g solving lambda (e^(g D) - 1) = g: p99 of the latency
        // (wait + D) is 3 D = 30 ms near rho 0.37 (g = 0.19/ms at rho 0.34: 28.6 ms; g = 0.162/ms at rho 0.4: 32.8 ms).
        Assert.InRange(max, 30, 40);
        Assert.InRange(high, max, 45);
        Assert.Equal(first.Points.Where(p => p.WithinBound).Max(p => p.OfferedRate), max);
        Assert.Equal(first.Points.Where(p => !p.WithinBound).Min(p => p.OfferedRate), high);
    }
}
