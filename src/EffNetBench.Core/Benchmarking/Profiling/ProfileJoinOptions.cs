namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>What <see cref="ProfileJoin"/> needs besides the trace and the analysis.</summary>
/// <param name="WarmupRuns">Inferences at the start of the trace that are warm-up, left out of the medians.</param>
/// <param name="RequestedInferences">Inferences the profiling pass was asked to profile.</param>
/// <param name="CaseMedianMs">The case's measured median latency (timed samples).</param>
/// <param name="CpuCase">The case ran on the CPU provider (CPU nodes are then no fallback).</param>
/// <param name="TraceFile">The raw trace relative to the run folder, recorded as is.</param>
/// <param name="StageOf">Stage of an original node name (zoo variants); null for a user's model.</param>
/// <param name="UnnamedNodes">Nodes of the model without a name (said in the warnings).</param>
public sealed record ProfileJoinOptions(
    int WarmupRuns,
    int RequestedInferences,
    double CaseMedianMs,
    bool CpuCase,
    string? TraceFile,
    Func<string, string?>? StageOf = null,
    int UnnamedNodes = 0);
