using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>The server scenario of one case: the rate search over open-loop Poisson loads (<see cref="ServerLoad"/>).</summary>
public static class ServerScenario
{
    /// <param name="executors">The pool serving the queue.</param>
    /// <param name="capacity">Requests per second the pool completes in a closed loop (offline best, else single-stream):
    /// the search starts at half of it and never offers it or more.</param>
    public static ServerResult Run(IReadOnlyList<IRequestExecutor> executors, int imagesPerRequest, double capacity, double boundMs,
        string boundSource, int seed, ServingBudget budget, IServingClock clock)
    {
        ArgumentNullException.ThrowIfNull(budget);
        RateSearchResult search = RateSearch.Find(ServingBudget.StartFraction * capacity, budget.ServerSteps, budget.ServerResolution,
            rate => Point(executors, imagesPerRequest, rate, boundMs, seed, budget, clock), ceiling: capacity);
        return new ServerResult(boundMs, boundSource, search.MaxRateWithinBound, search.RateBracketHigh, seed, search.Points)
        {
            Executors = executors.Count,
            Rule = budget.ServerRule,
        };
    }

    /// <summary>The offered rates the user gave (`--rates`), in increasing order, instead of the search; the bracket is
    /// read from them as the search's is (the highest within the bound below the lowest above it).</summary>
    public static ServerResult RunRates(IReadOnlyList<IRequestExecutor> executors, int imagesPerRequest, IReadOnlyList<double> rates, double boundMs,
        string boundSource, int seed, ServingBudget budget, IServingClock clock)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(budget);
        ServerPoint[] points = [.. rates.Distinct().Order().Select(rate => Point(executors, imagesPerRequest, rate, boundMs, seed, budget, clock))];
        double? above = points.FirstOrDefault(p => !p.WithinBound)?.OfferedRate;
        double? within = points.LastOrDefault(p => p.WithinBound && (above is null || p.OfferedRate < above))?.OfferedRate;
        return new ServerResult(boundMs, boundSource, within, above, seed, [.. points])
        {
            Executors = executors.Count,
            Rule = "offered rates given by --rates; " + budget.ServerRule[..budget.ServerRule.IndexOf("; the search", StringComparison.Ordinal)],
        };
    }

    /// <summary>One offered rate: its seeded arrivals, run, summarised.</summary>
    public static ServerPoint Point(IReadOnlyList<IRequestExecutor> executors, int imagesPerRequest, double rate, double boundMs, int seed,
        ServingBudget budget, IServingClock clock)
    {
        ArgumentNullException.ThrowIfNull(budget);
        int count = (int)Math.Min(int.MaxValue / 2, Math.Max(budget.ServerRequests, Math.Ceiling(rate * budget.ServerMinSpan.TotalSeconds)));
        double[] arrivals = PoissonSchedule.Arrivals(seed, rate, count, budget.ServerPointCap.TotalSeconds);
        ServerLoadResult load = ServerLoad.Run(executors, arrivals, clock);
        return Summarise(rate, load, imagesPerRequest, boundMs);
    }

    public static ServerPoint Summarise(double rate, ServerLoadResult load, int imagesPerRequest, double boundMs)
    {
        ArgumentNullException.ThrowIfNull(load);
        LatencySummary latency = LatencyStatistics.From(load.LatenciesMs).Milliseconds;
        int requests = load.LatenciesMs.Length;
        return new ServerPoint(rate, requests / load.Seconds, requests, load.LateIssues, latency.Median, latency.P90, latency.P99,
            load.CpuSeconds * 1000 / (requests * (double)imagesPerRequest), latency.P99 <= boundMs);
    }
}
