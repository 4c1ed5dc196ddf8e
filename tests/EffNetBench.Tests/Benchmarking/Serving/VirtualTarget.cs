using EffNetBench.Core.Benchmarking.Serving;

namespace EffNetBench.Tests.Benchmarking.Serving;

/// <summary>A model whose requests take a fixed virtual service time, and longer ones for the requests in <see cref="Stalls"/>.</summary>
internal sealed class VirtualTarget(VirtualClock clock, TimeSpan service) : IServingTarget
{
    private int _executed;

    public VirtualClock Clock => clock;

    public TimeSpan Service => service;

    public int ImagesPerRequest => 1;

    public Dictionary<int, TimeSpan> Stalls { get; } = [];

    public int Executed => Volatile.Read(ref _executed);

    public IRequestExecutor CreateExecutor() => new Executor(this);

    private sealed class Executor(VirtualTarget target) : IRequestExecutor
    {
        public void Execute()
        {
            int n = Interlocked.Increment(ref target._executed) - 1;
            target.Clock.Advance(target.Stalls.TryGetValue(n, out TimeSpan stall) ? stall : target.Service);
        }

        public void Dispose()
        {
        }
    }
}
