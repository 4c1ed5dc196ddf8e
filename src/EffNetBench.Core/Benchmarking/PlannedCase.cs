using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Benchmarking;

/// <summary>One (model x provider x batch x threads) combination to measure.</summary>
/// <param name="Architecture">The zoo architecture to generate (through the cache), or null for a user's file.</param>
/// <param name="WeightBytes">Initializer bytes of the graph that is run.</param>
/// <param name="SkipReason">Set when the case cannot be measured as planned (e.g. a fixed-batch file asked for another batch).</param>
public sealed record PlannedCase(
    string Id,
    ModelInfo Model,
    EfficientNetArchitecture? Architecture,
    ExecutionProvider Provider,
    int Batch,
    int? Threads,
    long? WeightBytes,
    string? SkipReason = null)
{
    /// <summary>For an end-to-end case: the id of the model-only case it is paired with; null for a model-only case.</summary>
    public string? EndToEndOf { get; init; }
}
