using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>What a run left on disk.</summary>
/// <param name="Results">The completed results.json, or null when the run was interrupted before the end.</param>
/// <param name="Cases">Every finished case (restored ones included), in plan order.</param>
public sealed record RunOutcome(string Directory, BenchmarkResults? Results, ImmutableArray<CaseResult> Cases, bool Interrupted);
