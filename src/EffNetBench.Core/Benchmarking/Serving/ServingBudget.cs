using System.Globalization;

namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>How long and how precisely the serving scenarios measure each case (`run --scenario offline,server`); part
/// of the preset, stated in the results by <see cref="OfflineRule"/> and <see cref="ServerRule"/>.</summary>
/// <param name="OfflineWarmup">Back-to-back requests before the first window of each offline point (not counted).</param>
/// <param name="OfflineWindow">The length of one throughput window.</param>
/// <param name="OfflineMinWindows">Windows measured at least (unless the point's time cap comes first).</param>
/// <param name="OfflineTargetRelativeCi">Stop a point once the 95 % CI half-width of its throughput is within this
/// fraction of the mean.</param>
/// <param name="OfflinePointCap">Measured time of one offline point at most.</param>
/// <param name="ServerRequests">Poisson arrivals per server point at least, unless <paramref name="ServerPointCap"/> of
/// arrivals at the offered rate holds fewer (slow models).</param>
/// <param name="ServerMinSpan">Arrivals of at least this span per point (fast models): a short burst above capacity
/// ends before its queue has grown past the bound.</param>
/// <param name="ServerPointCap">The arrival span of one server point at most (the queue then drains, never dropped).</param>
/// <param name="ServerSteps">Offered rates measured by the search at most.</param>
/// <param name="ServerResolution">The search stops once the bracket [within, above] is narrower than this fraction of
/// its lower end.</param>
public sealed record ServingBudget(
    TimeSpan OfflineWarmup,
    TimeSpan OfflineWindow,
    int OfflineMinWindows,
    double OfflineTargetRelativeCi,
    TimeSpan OfflinePointCap,
    int ServerRequests,
    TimeSpan ServerMinSpan,
    TimeSpan ServerPointCap,
    int ServerSteps,
    double ServerResolution)
{
    /// <summary>The first rate tried, as a fraction of the capacity estimate (offline best, else single-stream throughput).</summary>
    public const double StartFraction = 0.5;

    /// <summary>While no rate has exceeded the bound, the next one is this multiple of the last.</summary>
    public const double StepUp = 1.5;

    /// <summary>While no rate has stayed within the bound, the next one is this fraction of the last.</summary>
    public const double StepDown = 0.5;

    /// <summary>The default bound: this multiple of the single-stream p99 of the launch the scenarios ran in.</summary>
    public const double DefaultBoundMultiple = 3.0;

    /// <summary>A request issued later than this after its scheduled arrival counts as a late issue.</summary>
    public static readonly TimeSpan LateIssueThreshold = TimeSpan.FromMilliseconds(1);

    public static readonly ServingBudget Quick = new(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.2), 3, 0.05, TimeSpan.FromSeconds(1), 200, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), 3, 0.10);
    public static readonly ServingBudget Default = new(TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.4), 4, 0.02, TimeSpan.FromSeconds(3), 300, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), 4, 0.05);
    public static readonly ServingBudget Thorough = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 5, 0.01, TimeSpan.FromSeconds(10), 1000, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15), 7, 0.02);

    /// <summary>The offline stopping rule in words (results' stopping_rule).</summary>
    public string OfflineRule => string.Create(CultureInfo.InvariantCulture,
        $"per (concurrency, batch) point: {OfflineWarmup.TotalSeconds:0.##} s of unmeasured requests, then {OfflineWindow.TotalSeconds:0.##} s windows until the 95 % " +
        $"t-interval of the window throughputs is within {OfflineTargetRelativeCi:0.#%} of their mean after at least {OfflineMinWindows} windows, " +
        $"or {OfflinePointCap.TotalSeconds:0.##} s of windows (time cap)");

    /// <summary>The server search in words.</summary>
    public string ServerRule => string.Create(CultureInfo.InvariantCulture,
        $"Poisson arrivals; each point at least {ServerRequests} requests and {ServerMinSpan.TotalSeconds:0.##} s of arrivals, at most {ServerPointCap.TotalSeconds:0.##} s of arrivals; " +
        $"the search starts at {StartFraction:0.##} x the capacity estimate, steps x{StepUp:0.##} up or x{StepDown:0.##} down until the bound is bracketed, " +
        $"then bisects; at most {ServerSteps} rates, stopping early once the bracket is within {ServerResolution:0.#%}");

    /// <summary>Worst-case seconds of the scenarios of one case with <paramref name="concurrencyLevels"/> offline points
    /// (queue drains and the last request of a window excluded), for the worker's timeout.</summary>
    /// <param name="rates">Server rates given by `--rates` (measured instead of the search's steps), or null.</param>
    public double MaxSeconds(int concurrencyLevels, int? rates = null) =>
        concurrencyLevels * (OfflineWarmup + OfflinePointCap).TotalSeconds + Math.Max(ServerSteps, rates ?? 0) * 2 * ServerPointCap.TotalSeconds;
}
