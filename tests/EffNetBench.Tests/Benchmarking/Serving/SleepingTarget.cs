using EffNetBench.Core.Benchmarking.Serving;

namespace EffNetBench.Tests.Benchmarking.Serving;

/// <summary>A deterministic fake model: every request sleeps a fixed time (nanosleep, so it uses no CPU and needs no
/// core: N executors really serve N requests at once), except the requests listed in <see cref="Stalls"/>.</summary>
internal sealed class SleepingTarget(TimeSpan service, int imagesPerRequest = 1) : IServingTarget
{
    private int _executed;

    public int ImagesPerRequest => imagesPerRequest;

    public TimeSpan Service => service;

    /// <summary>Request number (0-based, in execution order) to a longer service time.</summary>
    public Dictionary<int, TimeSpan> Stalls { get; } = [];

    public int Executed => Volatile.Read(ref _executed);

    public IRequestExecutor CreateExecutor() => new Executor(this);

    /// <summary>Single-stream: the median of <paramref name="count"/> requests timed one by one.</summary>
    public double SingleStreamMedianMs(int count)
    {
        using IRequestExecutor executor = CreateExecutor();
        var times = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = ServingClock.System.Now();
            executor.Execute();
            times[i] = (ServingClock.System.Now() - start) * 1000.0 / ServingClock.System.Frequency;
        }

        Array.Sort(times);
        return times[count / 2];
    }

    private sealed class Executor(SleepingTarget target) : IRequestExecutor
    {
        public void Execute()
        {
            int n = Interlocked.Increment(ref target._executed) - 1;
            TimeSpan time = target.Stalls.TryGetValue(n, out TimeSpan stall) ? stall : target.Service;
            ServingClock.System.SleepUntil(ServingClock.System.Now() + (long)(time.TotalSeconds * ServingClock.System.Frequency));
        }

        public void Dispose()
        {
        }
    }
}
