using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking.Serving;

/// <summary>The sanity relations issue 11 asks of the measurements, on a fake model with a fixed service time.</summary>
[Collection(ServingTimingCollection.Name)]
public sealed class ServingSanityTests
{
    [SkippableFact]
    [Trait("Category", "Slow")] // real time: skipped when the machine was busy (QuietMachine)
    public void At_a_light_load_the_server_p50_matches_the_single_stream_median()
    {
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(10));
        var budget = OfflineSweepTests.Small with { ServerRequests = 25, ServerPointCap = TimeSpan.FromSeconds(5) };
        using IRequestExecutor executor = target.CreateExecutor();

        // 10 requests/s of 10 ms: utilisation 0.1, so most requests find the executor idle.
        (double single, ServerPoint point) = QuietMachine.Measure(() =>
            (target.SingleStreamMedianMs(15), ServerScenario.Point([executor], 1, 10, 1000, 1, budget, ServingClock.System)));

        Assert.InRange(point.P50Ms / single, 0.97, 1.05);
    }

    [SkippableFact]
    [Trait("Category", "Slow")] // real time: skipped when the machine was busy (QuietMachine)
    public void P99_rises_with_the_offered_load()
    {
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(5));
        var budget = OfflineSweepTests.Small with { ServerRequests = 120, ServerPointCap = TimeSpan.FromSeconds(5) };
        using IRequestExecutor executor = target.CreateExecutor();

        // Utilisation 0.2, 0.75 and 0.95 of one executor: loads far enough apart that a shared machine's hiccups (some
        // 10 ms on the p99 of an idle fake) do not reorder them.
        double[] p99 = QuietMachine.Measure(() =>
            new[] { 40.0, 150, 190 }.Select(rate => ServerScenario.Point([executor], 1, rate, 1000, 3, budget, ServingClock.System).P99Ms).ToArray());

        Assert.True(p99[0] < p99[1] && p99[1] < p99[2], string.Join(", ", p99));
    }

    [Fact]
    public void The_max_rate_within_the_bound_is_below_the_offline_throughput_which_is_at_least_single_stream()
    {
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(4));
        double single = target.SingleStreamMedianMs(10);
        var plan = new ScenarioPlan(Offline: true, Server: true, [1, 2], LatencyBoundMs: null, Seed: 9);

        // A p99 of 2 x the median (a busy machine's single-stream tail): the default bound is then 6 x the service time.
        ScenarioResults results = ScenarioRunner.Run(target, plan, new SingleStreamFigures(single, single, 2 * single), OfflineSweepTests.Small, ServingClock.System);

        OfflineResult offline = results.Offline!;
        ServerResult server = results.Server!;
        Assert.True(offline.Best.ImagesPerSecond >= 0.95 * 1000 / single, $"offline best {offline.Best.ImagesPerSecond} < single-stream {1000 / single}");
        Assert.Equal(2, server.Executors);
        Assert.Equal(6 * single, server.LatencyBoundMs, 9);
        Assert.Equal("3 x single-stream p99", server.BoundSource);
        Assert.NotNull(server.MaxRateWithinBound);
        // The search never offers the offline best or more (RateSearchTests); here it is wired to the offline result.
        Assert.True(server.MaxRateWithinBound < offline.Best.ImagesPerSecond, $"max rate {server.MaxRateWithinBound} >= offline {offline.Best.ImagesPerSecond}");
        Assert.All(server.Points, p => Assert.True(p.OfferedRate < offline.Best.ImagesPerSecond));
        Assert.All(server.Points, p => Assert.Equal(p.P99Ms <= server.LatencyBoundMs, p.WithinBound));
        Assert.Equal(server.Points.OrderBy(p => p.OfferedRate).Select(p => p.OfferedRate), server.Points.Select(p => p.OfferedRate));
        Assert.Equal(OfflineSweepTests.Small.OfflineRule, offline.StoppingRule);
    }

    [Fact]
    public void Given_rates_are_measured_in_order_instead_of_the_search()
    {
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(2));
        var plan = new ScenarioPlan(Offline: false, Server: true, [1], LatencyBoundMs: 1000, Seed: 1) { Rates = [50, 20, 50] };
        var budget = OfflineSweepTests.Small with { ServerRequests = 10, ServerMinSpan = TimeSpan.Zero };

        ServerResult server = ScenarioRunner.Run(target, plan, new SingleStreamFigures(2, 2, 3), budget, ServingClock.System).Server!;

        Assert.Equal([20.0, 50.0], server.Points.Select(p => p.OfferedRate));
        Assert.All(server.Points, p => Assert.Equal(10, p.Requests));
        Assert.Equal((50.0, (double?)null), (server.MaxRateWithinBound!.Value, server.RateBracketHigh));
        Assert.Equal(1, server.Executors);
        Assert.StartsWith("offered rates given by --rates; Poisson arrivals; each point at least 10 requests", server.Rule);
        Assert.DoesNotContain("search", server.Rule);
    }

    [Fact]
    public void A_bound_below_the_single_stream_median_measures_no_rate_and_says_why()
    {
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(4));
        var plan = new ScenarioPlan(Offline: false, Server: true, [1], LatencyBoundMs: 2, Seed: 1);

        ServerResult server = ScenarioRunner.Run(target, plan, new SingleStreamFigures(4, 4, 5), OfflineSweepTests.Small, ServingClock.System).Server!;

        Assert.Empty(server.Points);
        Assert.Null(server.MaxRateWithinBound);
        Assert.Equal("--latency-bound", server.BoundSource);
        Assert.StartsWith("bound below the single-stream median: 2 ms < 4 ms", server.Note);
        Assert.Equal(0, target.Executed);
    }
}
