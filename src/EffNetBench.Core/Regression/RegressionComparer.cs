using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>
/// Compares cases of two sides (two runs, or the two arms of an `ab` run). See <see cref="CompareCase"/> for the rule:
/// Mann-Whitney equivalence tests on the individual inferences against the relative threshold and the absolute noise
/// floor (a change only when both agree), gates on the quality of the evidence, and a change must also beat the noise
/// the pairing cannot rule out (drift between sequential runs, the launch-to-launch spread).
/// </summary>
public static class RegressionComparer
{
    /// <summary>Two runs measured one after the other (<see cref="Pairing.Sequential"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has a value out of range.</exception>
    public static Comparison Compare(BenchmarkResults baseline, BenchmarkResults current, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var warnings = ImmutableArray.CreateBuilder<string>();
        warnings.AddRange(EnvironmentDifferences.Between(baseline, current, "baseline", "current"));
        ImmutableArray<string> differ = EnvironmentDifferences.Blocking(baseline.Environment, current.Environment, options.OnnxRuntimeUnderTest);
        OrderedDictionary<string, CaseResult> before = Index(baseline.Cases, "baseline", warnings);
        OrderedDictionary<string, CaseResult> after = Index(current.Cases, "current", warnings);

        var cases = ImmutableArray.CreateBuilder<CaseComparison>();
        var added = ImmutableArray.CreateBuilder<CaseKey>();
        foreach (CaseResult result in after.Values)
        {
            CaseKey key = CaseKey.From(result);
            if (before.TryGetValue(key.Id, out CaseResult? old))
            {
                cases.Add(CompareCase(old, result, options, Pairing.Sequential, differ));
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

    /// <summary>
    /// Every case of <paramref name="current"/> that <paramref name="baseline"/> also has (matched by <see cref="CaseKey"/>,
    /// a repeated key keeping its first result), judged by <see cref="CompareCase"/>, in <paramref name="current"/>'s order.
    /// For `ab`: the baseline arm's cases, the candidate arm's cases, <see cref="Pairing.Interleaved"/>.
    /// </summary>
    /// <param name="environmentDifferences">What differs between the sides' machines (empty for the arms of one run).</param>
    public static ImmutableArray<CaseComparison> CompareCases(IEnumerable<CaseResult> baseline, IEnumerable<CaseResult> current,
        CompareOptions options, Pairing pairing, IReadOnlyList<string>? environmentDifferences = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var ignored = ImmutableArray.CreateBuilder<string>();
        OrderedDictionary<string, CaseResult> before = Index(baseline, "baseline", ignored);
        return [.. Index(current, "current", ignored).Values
            .Where(c => before.ContainsKey(CaseKey.From(c).Id))
            .Select(c => CompareCase(before[CaseKey.From(c).Id], c, options, pairing, environmentDifferences))];
    }

    /// <summary>
    /// One case on both sides. The verdict, in order:
    /// <list type="number">
    /// <item>inconclusive when a side was not measured (skipped, failed, non-finite samples) or has fewer than
    /// <see cref="CompareOptions.MinSamples"/> samples;</item>
    /// <item>inconclusive when the evidence is weak, whatever the tests say (a busy machine can hide a change as well as
    /// make one): the environments differ, a side missed its precision target (unless the tests find a change and the
    /// two sides' 99 % confidence intervals of the mean do not overlap), or other processes took more than
    /// <see cref="CompareOptions.MaxBusyShare"/> of the machine on a side;</item>
    /// <item>same unless both equivalence tests (relative threshold, noise floor) find a change in the same direction, and
    /// only when each side's launches agree within the threshold (else inconclusive: launches disagree);</item>
    /// <item>a change must also be significantly beyond the noise the pairing leaves: the larger of the two sides'
    /// launch-to-launch spreads of medians and, for <see cref="Pairing.Sequential"/>, the drift allowance. A change
    /// within it is inconclusive (launches disagree, or drift not ruled out); beyond it, slower or faster.</item>
    /// </list>
    /// </summary>
    /// <param name="environmentDifferences">What differs between the sides' machines and runtimes; null or empty when nothing does.</param>
    /// <param name="baselineName">How a note names the baseline side ("baseline", "previous run").</param>
    /// <remarks>The case's serving scenarios, when either side ran them, are compared too (<see cref="ScenarioComparer"/>):
    /// <see cref="CaseComparison.OfflineThroughput"/> and <see cref="CaseComparison.ServerMaxRate"/>.</remarks>
    public static CaseComparison CompareCase(CaseResult baseline, CaseResult current, CompareOptions options,
        Pairing pairing = Pairing.Sequential, IReadOnlyList<string>? environmentDifferences = null,
        string baselineName = "baseline", string currentName = "current")
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        return CompareLatency(baseline, current, options, pairing, environmentDifferences, baselineName, currentName) with
        {
            OfflineThroughput = ScenarioComparer.Offline(baseline, current, options, pairing, environmentDifferences, baselineName, currentName),
            ServerMaxRate = ScenarioComparer.MaxRate(baseline, current, options, pairing, environmentDifferences, baselineName, currentName),
        };
    }

    private static CaseComparison CompareLatency(CaseResult baseline, CaseResult current, CompareOptions options,
        Pairing pairing, IReadOnlyList<string>? environmentDifferences, string baselineName, string currentName)
    {
        var figures = new CaseComparison(
            CaseKey.From(current),
            baseline.LatencyMs?.Median,
            current.LatencyMs?.Median,
            baseline.LatencyMs?.P99,
            current.LatencyMs?.P99,
            baseline.Memory?.PeakRssBytes,
            current.Memory?.PeakRssBytes,
            SampleCount(baseline),
            SampleCount(current),
            Verdict.Inconclusive,
            Verdict.Inconclusive,
            Verdict.Inconclusive,
            null)
        {
            BaselineBusyShare = BusyShare(baseline),
            CurrentBusyShare = BusyShare(current),
            BaselineLaunchSpread = LaunchSpread(baseline),
            CurrentLaunchSpread = LaunchSpread(current),
        };

        if ((NotMeasured(baseline, baselineName) ?? NotMeasured(current, currentName)) is string why)
        {
            return Inconclusive(figures, InconclusiveReason.NotMeasured, why);
        }

        if ((TooFew(figures.BaselineSamples, baselineName) ?? TooFew(figures.CurrentSamples, currentName)) is string few)
        {
            return Inconclusive(figures, InconclusiveReason.TooFewSamples, few);
        }

        IReadOnlyList<double> before = baseline.SamplesMs!.Value, after = current.SamplesMs!.Value;
        Verdict threshold = LatencyShiftTest.Relative(before, after, options.RelativeThreshold, options.Alpha);
        Verdict noise = LatencyShiftTest.Absolute(before, after, options.NoiseMs, options.Alpha);
        Verdict combined = LatencyShiftTest.Combine(threshold, noise);
        figures = figures with { ThresholdTest = threshold, NoiseTest = noise };

        var gates = new List<(InconclusiveReason Reason, string Note)>();
        if (environmentDifferences is { Count: > 0 })
        {
            gates.Add((InconclusiveReason.EnvironmentsDiffer, $"environments differ ({string.Join(", ", environmentDifferences)})"));
        }

        string[] missed = [.. new[] { (baseline, baselineName), (current, currentName) }.Where(s => PrecisionMissed(s.Item1)).Select(s => s.Item2)];
        if (missed.Length > 0 && !(combined != Verdict.Same && Separated(baseline, current)))
        {
            // A side stopped with a wider interval than its preset wanted. That weakens "same" and a small change, but
            // not a change larger than both sides' 99 % intervals together (the intervals do not overlap).
            gates.Add((InconclusiveReason.PrecisionMissed, $"precision target missed ({string.Join(", ", missed)})"));
        }

        string[] busy = [.. new[] { (figures.BaselineBusyShare, baselineName), (figures.CurrentBusyShare, currentName) }
            .Where(s => s.Item1 > options.MaxBusyShare)
            .Select(s => Invariant($"{s.Item2} {s.Item1 * 100:0} %"))];
        if (busy.Length > 0)
        {
            gates.Add((InconclusiveReason.MachineBusy, Invariant($"machine busy: other processes took {string.Join(", ", busy)} of the CPU (limit {options.MaxBusyShare * 100:0.#} %)")));
        }

        if (gates.Count > 0)
        {
            return Inconclusive(figures, gates[0].Reason, string.Join("; ", gates.Select(g => g.Note)));
        }

        double spread = Math.Max(figures.BaselineLaunchSpread ?? 0, figures.CurrentLaunchSpread ?? 0);
        if (combined == Verdict.Same)
        {
            // "No change" needs launches that agree within the threshold: when one side's own launches differ by more, a
            // real change of that size could hide between them (the first process of a run is often the slow one).
            return spread > options.RelativeThreshold
                ? Inconclusive(figures, InconclusiveReason.LaunchesDisagree,
                    Invariant($"launches disagree: their medians spread {spread * 100:0.0} %, more than the {options.RelativeThreshold * 100:0.#} % threshold, so no change cannot be told from one hidden by the spread"))
                : figures with { Verdict = Verdict.Same };
        }

        double drift = pairing == Pairing.Sequential ? options.DriftAllowance : 0;
        double allowance = Math.Max(spread, drift);
        if (allowance <= options.RelativeThreshold)
        {
            // The threshold test already showed the change beyond a larger allowance.
            return figures with { Verdict = combined, NoiseAllowance = allowance };
        }

        Verdict beyond = LatencyShiftTest.Relative(before, after, allowance, options.Alpha);
        figures = figures with { NoiseAllowance = allowance, AllowanceTest = beyond };
        if (beyond == combined)
        {
            return figures with { Verdict = combined };
        }

        string change = figures.MedianRatio is double ratio ? Invariant($"the {(ratio - 1) * 100:+0.0;-0.0} % change") : "the change";
        if (spread >= drift)
        {
            string ci = new[] { (baseline, baselineName), (current, currentName) }
                .Select(s => RelativeCi(s.Item1) is double w ? Invariant($"{s.Item2} CI {w * 100:0.0} %") : null)
                .OfType<string>().DefaultIfEmpty("no CI").Aggregate((a, b) => a + ", " + b);
            return Inconclusive(figures, InconclusiveReason.LaunchesDisagree,
                Invariant($"launches disagree: their medians spread {spread * 100:0.0} % ({ci}), and {change} is not significantly beyond it"));
        }

        return Inconclusive(figures, InconclusiveReason.DriftNotRuledOut,
            Invariant($"{(figures.BaselineLaunchSpread is null ? "one launch per side" : "runs launched at different times")}: {change} is not significantly beyond the {drift * 100:0.#} % drift allowance; measure both in one `ab` run to decide"));
    }

    private static CaseComparison Inconclusive(CaseComparison figures, InconclusiveReason reason, string note) =>
        figures with { Verdict = Verdict.Inconclusive, Reason = reason, Note = note };

    private static string? NotMeasured(CaseResult result, string side)
    {
        if (result.Status != CaseStatus.Ok)
        {
            string status = result.Status.ToString().ToLowerInvariant();
            return result.Reason is { Length: > 0 } reason ? $"{side} {status}: {reason}" : $"{side} {status}";
        }

        return result.SamplesMs is { IsDefault: false } samples && !samples.All(double.IsFinite) ? $"{side} has non-finite samples" : null;
    }

    private static string? TooFew(int count, string side) => count < CompareOptions.MinSamples
        ? Invariant($"{side} has {count} samples; the test needs at least {CompareOptions.MinSamples}")
        : null;

    /// <summary>The two sides' 99 % confidence intervals of the mean do not overlap.</summary>
    private static bool Separated(CaseResult baseline, CaseResult current) =>
        baseline.LatencyMs is { Ci99HalfWidth: double cb } b && current.LatencyMs is { Ci99HalfWidth: double cc } c
        && Math.Abs(c.Mean - b.Mean) > cb + cc;

    /// <summary>The case, or any of its launches when the case records none, stopped before its precision target.</summary>
    private static bool PrecisionMissed(CaseResult result) => result.Stopping is { } stopping
        ? !stopping.PrecisionTargetMet
        : result.Launches is { IsDefault: false } launches && launches.Any(l => l.Stopping is { PrecisionTargetMet: false });

    /// <summary>The busiest of the case's own noise and its launches' (null when none was recorded).</summary>
    internal static double? BusyShare(CaseResult result)
    {
        IEnumerable<double?> shares = [result.Noise?.BusyShare, .. result.Launches is { IsDefault: false } launches ? launches.Select(l => l.Noise?.BusyShare) : []];
        return shares.OfType<double>().Select(s => (double?)s).Max();
    }

    /// <summary>(max - min) / median of the launch medians; null with fewer than two launches.</summary>
    internal static double? LaunchSpread(CaseResult result)
    {
        if (result.Launches is not { IsDefault: false, Length: >= 2 } launches)
        {
            return null;
        }

        double[] medians = [.. launches.Select(l => l.LatencyMs.Median).Order()];
        double middle = medians.Length % 2 == 1 ? medians[medians.Length / 2] : (medians[medians.Length / 2 - 1] + medians[medians.Length / 2]) / 2;
        return middle > 0 ? (medians[^1] - medians[0]) / middle : null;
    }

    /// <summary>Full width of the case's 99 % CI of the mean, relative to the mean.</summary>
    private static double? RelativeCi(CaseResult result) =>
        result.LatencyMs is { Ci99HalfWidth: double half, Mean: > 0 } l ? 2 * half / l.Mean : null;

    private static int SampleCount(CaseResult result) =>
        result.SamplesMs is { IsDefault: false } samples ? samples.Length : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cases by key in order; a repeated key keeps its first result, with a warning.</summary>
    private static OrderedDictionary<string, CaseResult> Index(IEnumerable<CaseResult> results, string side, ImmutableArray<string>.Builder warnings)
    {
        var index = new OrderedDictionary<string, CaseResult>(StringComparer.Ordinal);
        foreach (CaseResult result in results)
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
