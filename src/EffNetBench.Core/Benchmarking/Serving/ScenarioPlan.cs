using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>The serving scenarios a run asks of each case, from its settings.</summary>
/// <param name="Concurrency">The offline sweep's levels.</param>
/// <param name="LatencyBoundMs">The server's p99 bound as given (--latency-bound), or null for the default multiple.</param>
public sealed record ScenarioPlan(bool Offline, bool Server, ImmutableArray<int> Concurrency, double? LatencyBoundMs, int Seed)
{
    /// <summary>Offered rates to measure instead of the search (--rates), or null.</summary>
    public ImmutableArray<double>? Rates { get; init; }

    public const string SingleStream = "single-stream";
    public const string OfflineName = "offline";
    public const string ServerName = "server";

    public static IReadOnlyList<string> Names { get; } = [SingleStream, OfflineName, ServerName];

    /// <summary>The plan of a run, or null when it asks for single-stream only.</summary>
    public static ScenarioPlan? Of(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ImmutableArray<string> names = settings.Scenarios ?? [];
        bool offline = names.Contains(OfflineName), server = names.Contains(ServerName);
        return offline || server
            ? new ScenarioPlan(offline, server, settings.Concurrency ?? DefaultConcurrency(Environment.ProcessorCount), settings.LatencyBoundMs, settings.Seed)
            {
                Rates = settings.ServerRates,
            }
            : null;
    }

    /// <summary>1 up to the logical cores.</summary>
    public static ImmutableArray<int> DefaultConcurrency(int logicalCores) => [.. Enumerable.Range(1, Math.Max(1, logicalCores))];

    /// <summary>Executors to make before timing starts: the largest offline level, or 1 for the server alone.</summary>
    public int Executors => Offline ? Concurrency.Max() : 1;
}
