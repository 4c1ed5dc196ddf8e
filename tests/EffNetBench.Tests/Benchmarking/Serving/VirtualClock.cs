using EffNetBench.Core.Benchmarking.Serving;

namespace EffNetBench.Tests.Benchmarking.Serving;

/// <summary>
/// Deterministic time for the server engine with ONE executor: every thread keeps its own virtual time. The dispatcher's
/// sleeps return at once with its time set to the target; an executor that takes a request moves its time to at least
/// the request's issue time; <see cref="VirtualTarget"/>'s requests add their service time to the executor's time. The
/// engine's real threads and queue run unchanged, but no timestamp depends on the machine, so queueing arithmetic is
/// exact (with several executors which one takes a request would still depend on thread scheduling).
/// </summary>
internal sealed class VirtualClock : IServingClock
{
    private readonly ThreadLocal<long> _now = new(() => 0);
    private readonly Dictionary<int, long> _issued = [];

    public long Frequency => 1_000_000_000; // nanoseconds

    public long Now() => _now.Value;

    public void SleepUntil(long timestamp) => _now.Value = Math.Max(_now.Value, timestamp);

    public TimeSpan ProcessCpu() => TimeSpan.Zero;

    public void Issued(int request)
    {
        lock (_issued)
        {
            _issued[request] = _now.Value;
        }
    }

    public void Taken(int request)
    {
        lock (_issued)
        {
            _now.Value = Math.Max(_now.Value, _issued[request]);
        }
    }

    /// <summary>Time passing on the calling thread (a request being served).</summary>
    public void Advance(TimeSpan by) => _now.Value += (long)(by.TotalSeconds * Frequency);
}
