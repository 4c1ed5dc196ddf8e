using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>
/// Compares two runs case by case. A case is called slower or faster only when Perfolizer's Mann-Whitney equivalence
/// test on the individual inferences finds the change beyond the relative threshold and, separately, beyond the
/// absolute noise floor: the first keeps large latencies from flagging 1 % drifts, the second keeps sub-millisecond
/// latencies from flagging timer jitter that happens to be 5 % of them.
/// </summary>
public static class RegressionComparer
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has a value out of range.</exception>
    public static Comparison Compare(BenchmarkResults baseline, BenchmarkResults current, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var warnings = ImmutableArray.CreateBuilder<string>();
        warnings.AddRange(EnvironmentDifferences.Between(baseline, current, "baseline", "current"));
        OrderedDictionary<string, CaseResult> before = Index(baseline, "baseline", warnings);
        OrderedDictionary<string, CaseResult> after = Index(current, "current", warnings);

        var cases = ImmutableArray.CreateBuilder<CaseComparison>();
        var added = ImmutableArray.CreateBuilder<CaseKey>();
        foreach (CaseResult result in after.Values)
        {
            CaseKey key = CaseKey.From(result);
            if (before.TryGetValue(key.Id, out CaseResult? old))
            {
                cases.Add(CompareCase(old, result, options));
            }
            else
            {
                added.Add(key);
            }
        }

        ImmutableArray<CaseKey> missing = [.. before.Values.Select(CaseKey.From).Where(k => !after.ContainsKey(k.Id))];
        return new Comparison(ComparedRun.From(baseline), ComparedRun.From(current), options, cases.ToImmutable(), added.ToImmutable(),
            missing, warnings.ToImmutable());
    }

    /// <summary>One case of two runs; also the step of a history.</summary>
    /// <param name="baselineName">How a note names the baseline side ("baseline", "previous run").</param>
    internal static CaseComparison CompareCase(CaseResult baseline, CaseResult current, CompareOptions options,
        string baselineName = "baseline", string currentName = "current")
    {
        string? note = NotTestable(baseline, baselineName) ?? NotTestable(current, currentName);
        (Verdict threshold, Verdict noise) = note is null
            ? LatencyShiftTest.Run(baseline.SamplesMs!.Value, current.SamplesMs!.Value, options)
            : (Verdict.Unknown, Verdict.Unknown);
        return new CaseComparison(
            CaseKey.From(current),
            baseline.LatencyMs?.Median,
            current.LatencyMs?.Median,
            baseline.LatencyMs?.P99,
            current.LatencyMs?.P99,
            baseline.Memory?.PeakRssBytes,
            current.Memory?.PeakRssBytes,
            SampleCount(baseline),
            SampleCount(current),
            threshold,
            noise,
            LatencyShiftTest.Combine(threshold, noise),
            note);
    }

    private static string? NotTestable(CaseResult result, string side)
    {
        if (result.Status != CaseStatus.Ok)
        {
            string status = result.Status.ToString().ToLowerInvariant();
            return result.Reason is { Length: > 0 } reason ? $"{side} {status}: {reason}" : $"{side} {status}";
        }

        int count = SampleCount(result);
        if (count < CompareOptions.MinSamples)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{side} has {count} samples; the test needs at least {CompareOptions.MinSamples}");
        }

        return result.SamplesMs!.Value.All(double.IsFinite) ? null : $"{side} has non-finite samples";
    }

    private static int SampleCount(CaseResult result) =>
        result.SamplesMs is { IsDefault: false } samples ? samples.Length : 0;

    /// <summary>Cases by key in file order; a repeated key keeps its first result, with a warning.</summary>
    private static OrderedDictionary<string, CaseResult> Index(BenchmarkResults results, string side, ImmutableArray<string>.Builder warnings)
    {
        var index = new OrderedDictionary<string, CaseResult>(StringComparer.Ordinal);
        foreach (CaseResult result in results.Cases)
        {
            string id = CaseKey.From(result).Id;
            if (!index.TryAdd(id, result))
            {
                warnings.Add($"the {side} run has more than one result for case {id}; the first one is compared");
            }
        }

        return index;
    }
}
