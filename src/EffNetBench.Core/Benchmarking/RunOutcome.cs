using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>What a run left on disk.</summary>
/// <param name="Results">The completed results.json, or null when the run was interrupted before the end.</param>
/// <param name="Cases">Every finished case (restored ones included), in plan order.</param>
public sealed record RunOutcome(string Directory, BenchmarkResults? Results, ImmutableArray<CaseResult> Cases, bool Interrupted)
{
    /// <summary>Why the run has no measured case (none planned, or every one skipped or failed), or null when it has one:
    /// `run` then exits 1, so a pipeline never passes on no data.</summary>
    public string? NothingMeasured
    {
        get
        {
            if (Cases.Any(c => c.Status == CaseStatus.Ok))
            {
                return null;
            }

            if (Cases.IsEmpty)
            {
                return Interrupted ? "nothing was measured: the run was interrupted before its first case" : "nothing was measured: the run planned no case";
            }

            int skipped = Cases.Count(c => c.Status == CaseStatus.Skipped);
            int failed = Cases.Length - skipped;
            string first = Cases[0].Reason is string reason ? $" (first: {Cases[0].Id}: {reason.Split('\n')[0].TrimEnd('\r')})" : string.Empty;
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"nothing was measured: of {Cases.Length} cases, {skipped} skipped and {failed} failed{first}");
        }
    }
}
