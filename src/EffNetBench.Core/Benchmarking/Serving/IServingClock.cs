namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>The time the serving scenarios run on: a monotonic timestamp, a way to wait for one, and the process's CPU
/// time. <see cref="ServingClock.System"/> is the real one.</summary>
public interface IServingClock
{
    /// <summary>Timestamp ticks per second.</summary>
    long Frequency { get; }

    long Now();

    /// <summary>Returns at <paramref name="timestamp"/> or soon after, never before.</summary>
    void SleepUntil(long timestamp);

    /// <summary>CPU time of the whole process so far (all threads).</summary>
    TimeSpan ProcessCpu();

    /// <summary>The server's dispatcher issued request <paramref name="request"/> (called before the hand-over). The real
    /// clock ignores it; a virtual clock with a time per thread passes the issue time on to the executor that takes it.</summary>
    void Issued(int request) { }

    /// <summary>An executor took request <paramref name="request"/> from the queue (called before it reads the time).</summary>
    void Taken(int request) { }
}
