using System.Collections.Immutable;

namespace EffNetBench.Core.Results;

/// <summary>
/// The root of results.json, a versioned contract other tools read: field names are snake_case, absent values are
/// null, numbers are invariant. Readers accept the same major version of <see cref="Schema"/> and ignore unknown fields.
/// </summary>
/// <param name="Schema">"effnet-bench/results/MAJOR[.MINOR]": a later ".MINOR" only adds fields (a reader of the same
/// major reads it, ignoring what it does not know); a new MAJOR renames, removes or changes the meaning of a field.
/// 1.1 added the serving scenarios (case "scenarios", "cpu_ms_per_image", "spin"; settings "scenarios", "concurrency",
/// "latency_bound_ms", "spin"), the profile ("profile", settings "profile_inferences") and the machine peaks ("peaks").</param>
/// <param name="Cases">In plan order.</param>
public sealed record BenchmarkResults(
    string Schema,
    ToolInfo Tool,
    RunInfo Run,
    EnvironmentInfo Environment,
    RunSettings Settings,
    ImmutableArray<CaseResult> Cases)
{
    public const string SchemaPrefix = "effnet-bench/results/";
    public const int SchemaMajor = 1;
    public const int SchemaMinor = 1;
    public const string CurrentSchema = "effnet-bench/results/1.1";

    /// <summary>This machine's attainable peaks per provider measured for the run's roofline (`run --profile`); null
    /// otherwise. Additive.</summary>
    public ImmutableArray<MachinePeaks>? Peaks { get; init; }
}
