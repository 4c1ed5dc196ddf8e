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
}
