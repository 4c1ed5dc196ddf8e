namespace EffNetBench.Tests.Benchmarking.Serving;

/// <summary>The serving tests that run in real time: one at a time, so they do not load each other's clock.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServingTimingCollection
{
    public const string Name = "serving timing";
}
