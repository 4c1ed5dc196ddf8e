using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>Puts runs in order (time, or the effnet-bench version when labelled by it) and judges every case against its
/// previous run with <see cref="RegressionComparer"/>'s test.</summary>
public static class HistoryBuilder
{
    /// <exception cref="ArgumentException"><paramref name="runs"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has a value out of range.</exception>
    public static History Build(IEnumerable<BenchmarkResults> runs, HistoryLabel labelBy, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var warnings = ImmutableArray.CreateBuilder<string>();
        var distinct = new List<BenchmarkResults>();
        foreach (BenchmarkResults run in runs)
        {
            // The same folder passed twice (or via a glob and by name) would otherwise compare a run with itself.
            if (distinct.Any(d => d.Run.Id == run.Run.Id))
            {
                warnings.Add($"run {run.Run.Id} was given more than once; it is counted once");
                continue;
            }

            distinct.Add(run);
        }

        if (distinct.Count == 0)
        {
            throw new ArgumentException("a history needs at least one run.", nameof(runs));
        }

        BenchmarkResults[] ordered = Order(distinct, labelBy, warnings);
        ImmutableArray<HistoryRun> historyRuns = [.. ordered.Select(r => HistoryRun.From(r, labelBy))];
        for (int i = 1; i < ordered.Length; i++)
        {
            warnings.AddRange(EnvironmentDifferences.Between(ordered[i - 1], ordered[i], historyRuns[i - 1].Label, historyRuns[i].Label));
        }

        var byCase = new OrderedDictionary<string, List<(int RunIndex, CaseResult Result)>>(StringComparer.Ordinal);
        for (int i = 0; i < ordered.Length; i++)
        {
            foreach (CaseResult result in ordered[i].Cases)
            {
                string id = CaseKey.From(result).Id;
                if (!byCase.TryGetValue(id, out List<(int RunIndex, CaseResult Result)>? points))
                {
                    points = [];
                    byCase.Add(id, points);
                }

                // A run with a repeated case keeps its first result, as compare does.
                if (points.Count == 0 || points[^1].RunIndex != i)
                {
                    points.Add((i, result));
                }
            }
        }

        // The dimension the history is labelled by is the release under test, not an environment difference.
        CompareOptions judged = labelBy == HistoryLabel.OnnxRuntime ? options with { OnnxRuntimeUnderTest = true } : options;
        ImmutableArray<CaseTrend> cases = [.. byCase.Values.Select(points => Trend(points, ordered, historyRuns, judged))];
        return new History(labelBy, options, historyRuns, cases, warnings.ToImmutable());
    }

    /// <summary>Time order; labelled by tool, the tool version's SemVer 2 precedence (<see cref="ToolVersion.Compare"/>:
    /// 0.2.0-alpha.0.9, 0.2.0-alpha.0.12, 0.2.0), time within one version. A version that is not SemVer 2 cannot be placed,
    /// so then the runs stay in time order, with a warning.</summary>
    internal static BenchmarkResults[] Order(IEnumerable<BenchmarkResults> runs, HistoryLabel labelBy, ICollection<string> warnings)
    {
        BenchmarkResults[] byTime = [.. runs.OrderBy(r => r.Run.StartedUtc).ThenBy(r => r.Run.Id, StringComparer.Ordinal)];
        if (labelBy != HistoryLabel.Tool)
        {
            return byTime;
        }

        string[] unordered = [.. byTime.Select(r => r.Tool.Version).Where(v => !ToolVersion.IsSemVer(v)).Distinct(StringComparer.Ordinal)];
        if (unordered.Length > 0)
        {
            warnings.Add($"tool version {string.Join(", ", unordered.Select(v => $"'{v}'"))} is not a SemVer 2 version, so the runs are in time order, not version order");
            return byTime;
        }

        // OrderBy is stable: runs of one version keep their time order.
        return [.. byTime.OrderBy(r => r.Tool.Version, Comparer<string>.Create((a, b) => ToolVersion.Compare(a, b) ?? 0))];
    }

    private static CaseTrend Trend(List<(int RunIndex, CaseResult Result)> points, BenchmarkResults[] ordered, ImmutableArray<HistoryRun> runs, CompareOptions options)
    {
        double? first = points.Select(p => p.Result.LatencyMs?.Median).FirstOrDefault(m => m is > 0);
        var trend = ImmutableArray.CreateBuilder<TrendPoint>(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            (int runIndex, CaseResult result) = points[i];
            double? median = result.LatencyMs?.Median;
            int samples = result.SamplesMs is { IsDefault: false } s ? s.Length : 0;
            if (i == 0)
            {
                trend.Add(new TrendPoint(runIndex, runs[runIndex].Label, median, result.LatencyMs?.P99, samples, null,
                    CaseComparison.Ratio(median, first), null, null));
                continue;
            }

            // Judged against the last run that measured the case, so one failed release does not hide the next one's change.
            (int previousIndex, CaseResult previous) = points.Take(i).LastOrDefault(p => p.Result.Status == CaseStatus.Ok) is { Result: not null } ok ? ok : points[i - 1];
            ImmutableArray<string> differ = EnvironmentDifferences.Blocking(ordered[previousIndex].Environment, ordered[runIndex].Environment, options.OnnxRuntimeUnderTest);
            CaseComparison step = RegressionComparer.CompareCase(previous, result, options, Pairing.Sequential, differ, "previous run", "this run");
            trend.Add(new TrendPoint(runIndex, runs[runIndex].Label, median, result.LatencyMs?.P99, samples, step.MedianRatio,
                CaseComparison.Ratio(median, first), step.Verdict, step.Note) { Reason = step.Reason });
        }

        return new CaseTrend(CaseKey.From(points[0].Result), trend.ToImmutable());
    }
}
