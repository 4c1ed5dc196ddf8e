namespace EffNetBench.IntegrationTests.Run;

/// <summary>
/// The `run` tests share one collection that never runs next to another: BenchmarkDotNet's in-process benchmark
/// hands its session over through static state, and on a small machine concurrent tests would also skew the timings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunCollection
{
    public const string Name = "Run";
}
