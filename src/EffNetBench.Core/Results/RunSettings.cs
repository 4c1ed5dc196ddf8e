using System.Collections.Immutable;

namespace EffNetBench.Core.Results;

/// <summary>The settings a run was started with; `--resume` restores them from run.json.</summary>
/// <param name="Variants">Zoo variant names, e.g. "b0".</param>
/// <param name="Models">ONNX model file paths benchmarked besides the zoo variants.</param>
/// <param name="Providers">Execution provider names, e.g. "cpu".</param>
/// <param name="Threads">Intra-op thread counts; null means the ONNX Runtime default.</param>
public sealed record RunSettings(
    ImmutableArray<string> Variants,
    ImmutableArray<string> Models,
    ImmutableArray<string> Providers,
    ImmutableArray<int> Batches,
    ImmutableArray<int?> Threads,
    string Preset,
    int Seed,
    string OutDir,
    string? Label)
{
    /// <summary>`--end-to-end IMAGE`: full path of the image an end-to-end case is planned with, next to each batch-1
    /// model case; null for none. Not a positional field, so run files written before it existed still load.</summary>
    public string? EndToEndImage { get; init; }

    /// <summary>`--launches N`: separate launches (measurements) of each case, scheduled round-robin over the cases;
    /// null for the preset's default (Benchmarking resolves it when a run starts). Not positional, so
    /// run files written before it existed still load (one launch).</summary>
    public int? Launches { get; init; }

    /// <summary>`run --profile [N]`: inferences of the profiling pass after each case's timed samples; null for no
    /// profiling. Additive.</summary>
    public int? ProfileInferences { get; init; }

    /// <summary>`run --scenario`: "single-stream", "offline", "server" (single-stream always runs); null or empty for
    /// single-stream only. Additive.</summary>
    public ImmutableArray<string>? Scenarios { get; init; }

    /// <summary>`--concurrency 1,2`: the offline sweep's concurrency levels; null for 1 up to the logical cores.</summary>
    public ImmutableArray<int>? Concurrency { get; init; }

    /// <summary>`--latency-bound MS`: the server scenario's p99 bound; null for the stated default multiple of the
    /// single-stream p99.</summary>
    public double? LatencyBoundMs { get; init; }

    /// <summary>`--spin on|off`: ONNX Runtime's intra-op thread spinning; null for the runtime's default.</summary>
    public bool? Spin { get; init; }

    /// <summary>`--rates 10,20,40`: the server scenario's offered rates (requests per second), measured instead of the
    /// rate search; null for the search. Additive.</summary>
    public ImmutableArray<double>? ServerRates { get; init; }

    /// <summary>`--precision` and calibration; null for fp32 only (and run files written before it existed). Additive.</summary>
    public PrecisionSettings? Precision { get; init; }

    /// <summary>`--graph-opt disabled|basic|extended|all`: ONNX Runtime's graph optimisation level; null for the default,
    /// "all" (ORT_ENABLE_ALL, what every run used before the option existed). Additive.</summary>
    public string? GraphOptimization { get; init; }

    /// <summary>Set for an interleaved A/B run (`effnet-bench ab`), which plans from it instead of
    /// <see cref="Variants"/> and <see cref="Models"/>; null for a plain run.</summary>
    public AbSettings? Ab { get; init; }
}
