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

    /// <summary>The ONNX Runtime library to measure this case with (full path); null for the one this process loads.
    /// A measurer that cannot honour it fails the case with the reason, never measures another library silently.</summary>
    public string? OrtLibrary { get; init; }

    /// <summary>The arm of an A/B run ("baseline" or "candidate"); null in a plain run.</summary>
    public string? Arm { get; init; }

    /// <summary>Cases with the same non-null group are alternated launch by launch in ABBA order (an A/B pair);
    /// null: the case is a group of its own.</summary>
    public string? Group { get; init; }

    /// <summary>Which launch of the case this is (1-based), set by the engine for each measurement; 1 outside a schedule.</summary>
    public int Launch { get; init; } = 1;

    /// <summary>How many launches the case gets in this run.</summary>
    public int LaunchCount { get; init; } = 1;
}
