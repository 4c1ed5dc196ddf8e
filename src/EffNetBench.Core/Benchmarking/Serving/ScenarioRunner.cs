using System.Globalization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>The single-stream figures the serving scenarios start from (the same launch's samples).</summary>
public sealed record SingleStreamFigures(double MeanMs, double MedianMs, double P99Ms);

/// <summary>
/// Runs a case's serving scenarios after its single-stream samples, on the same model: offline first (its best
/// concurrency sets the server's executors and its throughput the server's capacity estimate), then the server's rate
/// search. Without offline the server has one executor and the single-stream throughput as its estimate.
/// </summary>
public static class ScenarioRunner
{
    /// <param name="offlineNote">The offline result's note (e.g. a fixed batch), or null.</param>
    public static ScenarioResults Run(IServingTarget target, ScenarioPlan plan, SingleStreamFigures single, ServingBudget budget,
        IServingClock clock, string? offlineNote = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(single);
        var executors = new List<IRequestExecutor>();
        try
        {
            for (int i = 0; i < plan.Executors; i++)
            {
                executors.Add(target.CreateExecutor());
            }

            OfflineResult? offline = plan.Offline
                ? OfflineSweep.Run(executors, target.ImagesPerRequest, plan.Concurrency, budget, clock, offlineNote)
                : null;
            ServerResult? server = plan.Server ? Server(executors, target.ImagesPerRequest, plan, single, offline, budget, clock) : null;
            return new ScenarioResults(offline, server);
        }
        finally
        {
            foreach (IRequestExecutor executor in executors)
            {
                executor.Dispose();
            }
        }
    }

    private static ServerResult Server(List<IRequestExecutor> executors, int imagesPerRequest, ScenarioPlan plan, SingleStreamFigures single,
        OfflineResult? offline, ServingBudget budget, IServingClock clock)
    {
        (double bound, string source) = plan.LatencyBoundMs is double given
            ? (given, "--latency-bound")
            : (ServingBudget.DefaultBoundMultiple * single.P99Ms, string.Create(CultureInfo.InvariantCulture, $"{ServingBudget.DefaultBoundMultiple:0.#} x single-stream p99"));
        if (bound < single.MedianMs)
        {
            // Even an idle server answers in about the single-stream median: no rate can keep its p99 below this bound.
            return new ServerResult(bound, source, null, null, plan.Seed, [])
            {
                Note = string.Create(CultureInfo.InvariantCulture,
                    $"bound below the single-stream median: {bound:0.######} ms < {single.MedianMs:0.######} ms, so no rate can meet it; give --latency-bound above the median"),
                Rule = budget.ServerRule,
            };
        }

        int pool = offline?.Best.Concurrency ?? 1;
        double capacity = offline is not null ? offline.Best.ImagesPerSecond / imagesPerRequest : 1000.0 / single.MeanMs;
        IRequestExecutor[] serving = [.. executors.Take(pool)];
        return plan.Rates is { } rates
            ? ServerScenario.RunRates(serving, imagesPerRequest, rates, bound, source, plan.Seed, budget, clock)
            : ServerScenario.Run(serving, imagesPerRequest, capacity, bound, source, plan.Seed, budget, clock);
    }
}
