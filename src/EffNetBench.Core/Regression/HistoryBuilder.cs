using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>Puts runs in time order and judges every case against its previous run with <see cref="RegressionComparer"/>'s test.</summary>
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

        BenchmarkResults[] ordered = [.. distinct.OrderBy(r => r.Run.StartedUtc).ThenBy(r => r.Run.Id, StringComparer.Ordinal)];
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
