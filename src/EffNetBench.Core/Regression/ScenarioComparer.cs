using System.Globalization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>
/// Compares a case's serving scenarios on two sides with compare's vocabulary and gates. Offline throughput: the
/// measuring windows of the matching (concurrency, batch) point, as wall time per image (1000 / images per second), go
/// through the latency verdict's Mann-Whitney equivalence tests (relative threshold and absolute noise floor, a change
/// only when both agree, and beyond the drift allowance for sequential runs); a point whose 95 % CI is wider than the
/// threshold makes the verdict inconclusive unless the tests find a change and the two intervals do not overlap. Server maximum rate: from each side's rate
/// bracket, see <see cref="MaxRate"/>. A side without the scenario is "not compared", never guessed.
/// </summary>
public static class ScenarioComparer
{
    /// <summary>
    /// The offline throughput at the baseline's best (concurrency, batch) point, or, when the current side did not
    /// measure that point, at the current side's best point; not compared when neither point was measured on both sides.
    /// Null when neither side ran the offline scenario.
    /// </summary>
    public static ScenarioComparison? Offline(CaseResult baseline, CaseResult current, CompareOptions options, Pairing pairing,
        IReadOnlyList<string>? environmentDifferences, string baselineName = "baseline", string currentName = "current")
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        OfflineResult? before = baseline.Scenarios?.Offline, after = current.Scenarios?.Offline;
        const string metric = ScenarioComparison.OfflineThroughput, unit = "images/s";
        if (before is null && after is null)
        {
            return null;
        }

        if (before is null || after is null)
        {
            (CaseResult lacking, string side) = before is null ? (baseline, baselineName) : (current, currentName);
            return ScenarioComparison.NotCompared(metric, unit, null, before?.Best.ImagesPerSecond, after?.Best.ImagesPerSecond, Lacks(lacking, side, "offline"));
        }

        (OfflinePoint? b, OfflinePoint? c) = Match(before, after);
        if (b is null || c is null)
        {
            return ScenarioComparison.NotCompared(metric, unit, null, before.Best.ImagesPerSecond, after.Best.ImagesPerSecond,
                $"no (concurrency, batch) point measured on both sides (best: {baselineName} {Point(before.Best)}, {currentName} {Point(after.Best)})");
        }

        var figures = new ScenarioComparison(metric, unit, Point(b), b.ImagesPerSecond, c.ImagesPerSecond, Verdict.Inconclusive, null, null)
        {
            BaselineSamples = b.WindowImagesPerSecond.IsDefault ? 0 : b.WindowImagesPerSecond.Length,
            CurrentSamples = c.WindowImagesPerSecond.IsDefault ? 0 : c.WindowImagesPerSecond.Length,
        };
        string? unusable = Unusable(b, baselineName) ?? Unusable(c, currentName);
        if (unusable is not null)
        {
            return Inconclusive(figures, InconclusiveReason.NotMeasured, unusable);
        }

        if (figures.BaselineSamples < CompareOptions.MinSamples || figures.CurrentSamples < CompareOptions.MinSamples)
        {
            return Inconclusive(figures, InconclusiveReason.TooFewSamples,
                Invariant($"{baselineName} has {figures.BaselineSamples} windows and {currentName} {figures.CurrentSamples}; the test needs at least {CompareOptions.MinSamples} a side"));
        }

        // Wall time per image: higher is slower, so the latency test and its words apply unchanged.
        double[] beforeMs = [.. b.WindowImagesPerSecond.Select(ips => 1000 / ips)];
        double[] afterMs = [.. c.WindowImagesPerSecond.Select(ips => 1000 / ips)];
        Verdict threshold = LatencyShiftTest.Relative(beforeMs, afterMs, options.RelativeThreshold, options.Alpha);
        Verdict noise = LatencyShiftTest.Absolute(beforeMs, afterMs, options.NoiseMs, options.Alpha);
        Verdict combined = LatencyShiftTest.Combine(threshold, noise);
        figures = figures with { ThresholdTest = threshold, NoiseTest = noise };
        if (Gate(baseline, current, options, environmentDifferences, baselineName, currentName) is (InconclusiveReason reason, string note))
        {
            return Inconclusive(figures, reason, note);
        }

        // Windows too noisy to pin the throughput within the threshold cannot support "same", nor a change smaller than
        // the two intervals together (the latency verdict's precision gate, on the points' 95 % CIs).
        string[] wide = [.. new[] { (b, baselineName), (c, currentName) }.Where(s => RelativeHalfWidth(s.Item1) > options.RelativeThreshold)
            .Select(s => Invariant($"{s.Item2} ±{RelativeHalfWidth(s.Item1) * 100:0.0} %"))];
        bool separated = b.CiHigh < c.CiLow || c.CiHigh < b.CiLow;
        if (wide.Length > 0 && !(combined != Verdict.Same && separated))
        {
            return Inconclusive(figures, InconclusiveReason.PrecisionMissed,
                Invariant($"throughput too noisy: the 95 % CI of the windows is {string.Join(", ", wide)}, wider than the {options.RelativeThreshold * 100:0.###} % threshold"));
        }

        double drift = pairing == Pairing.Sequential ? options.DriftAllowance : 0;
        if (combined == Verdict.Same || drift <= options.RelativeThreshold
            || LatencyShiftTest.Relative(beforeMs, afterMs, drift, options.Alpha) == combined)
        {
            return figures with { Verdict = combined };
        }

        return Inconclusive(figures, InconclusiveReason.DriftNotRuledOut,
            Invariant($"runs launched at different times: the {(figures.Ratio - 1) * 100:+0.0;-0.0} % throughput change is not significantly beyond the {drift * 100:0.#} % drift allowance; measure both in one `ab` run to decide"));
    }

    /// <summary>
    /// The server's maximum rate within the p99 bound. Each side's true maximum lies in its bracket [highest rate within
    /// the bound (0 when none was), lowest rate beyond it (open when none was)). With t the relative threshold, the
    /// allowance the larger of t and, for sequential runs, the drift allowance:
    /// <list type="bullet">
    /// <item>not compared when a side lacks the server scenario; inconclusive when the two bounds differ (rates within
    /// different bounds are not the same measure), or on compare's gates (environments differ, machine busy);</item>
    /// <item>faster when the current bracket's low end is at least the baseline's high end x (1 + t), slower when the
    /// current high end is at most the baseline's low end x (1 - t): the brackets do not overlap and the smallest change
    /// they allow exceeds the threshold. A change within the drift allowance (sequential runs) is inconclusive;</item>
    /// <item>same when the largest change the brackets allow is within t either way (current high &lt;= baseline low x
    /// (1 + t) and current low &gt;= baseline high x (1 - t));</item>
    /// <item>otherwise inconclusive: the brackets are too wide (the rate search too coarse) to tell.</item>
    /// </list>
    /// Null when neither side ran the server scenario.
    /// </summary>
    public static ScenarioComparison? MaxRate(CaseResult baseline, CaseResult current, CompareOptions options, Pairing pairing,
        IReadOnlyList<string>? environmentDifferences, string baselineName = "baseline", string currentName = "current")
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        ServerResult? before = baseline.Scenarios?.Server, after = current.Scenarios?.Server;
        const string metric = ScenarioComparison.ServerMaxRate, unit = "requests/s";
        if (before is null && after is null)
        {
            return null;
        }

        if (before is null || after is null)
        {
            (CaseResult lacking, string side) = before is null ? (baseline, baselineName) : (current, currentName);
            return ScenarioComparison.NotCompared(metric, unit, Bound((before ?? after)!.LatencyBoundMs), before?.MaxRateWithinBound, after?.MaxRateWithinBound,
                Lacks(lacking, side, "server"));
        }

        double bLow = before.MaxRateWithinBound ?? 0, cLow = after.MaxRateWithinBound ?? 0;
        double bHigh = before.RateBracketHigh ?? double.PositiveInfinity, cHigh = after.RateBracketHigh ?? double.PositiveInfinity;
        var figures = new ScenarioComparison(metric, unit, Bound(after.LatencyBoundMs), before.MaxRateWithinBound, after.MaxRateWithinBound, Verdict.Inconclusive, null, null)
        {
            BaselineBracketLow = bLow,
            BaselineBracketHigh = before.RateBracketHigh,
            CurrentBracketLow = cLow,
            CurrentBracketHigh = after.RateBracketHigh,
        };
        if (before.Points.IsDefaultOrEmpty || after.Points.IsDefaultOrEmpty)
        {
            return Inconclusive(figures, InconclusiveReason.NotMeasured, $"{(before.Points.IsDefaultOrEmpty ? baselineName : currentName)} measured no rate");
        }

        if (before.LatencyBoundMs != after.LatencyBoundMs)
        {
            return Inconclusive(figures with { Configuration = $"{Bound(before.LatencyBoundMs)} vs {Bound(after.LatencyBoundMs)}" }, InconclusiveReason.BoundsDiffer,
                Invariant($"the p99 bounds differ ({baselineName} {before.LatencyBoundMs:0.###} ms from {before.BoundSource}, {currentName} {after.LatencyBoundMs:0.###} ms from {after.BoundSource}): give both runs the same --latency-bound"));
        }

        if (Gate(baseline, current, options, environmentDifferences, baselineName, currentName) is (InconclusiveReason reason, string note))
        {
            return Inconclusive(figures, reason, note);
        }

        string brackets = Invariant($"{baselineName} [{bLow:0.###}, {Open(bHigh)}), {currentName} [{cLow:0.###}, {Open(cHigh)}) requests/s");
        double t = options.RelativeThreshold;
        Verdict? change = Change(bLow, bHigh, cLow, cHigh, t);
        if (change is Verdict found)
        {
            double drift = pairing == Pairing.Sequential ? options.DriftAllowance : 0;
            return drift <= t || Change(bLow, bHigh, cLow, cHigh, drift) == found
                ? figures with { Verdict = found }
                : Inconclusive(figures, InconclusiveReason.DriftNotRuledOut,
                    Invariant($"runs launched at different times: the rate brackets ({brackets}) do not rule out the {drift * 100:0.#} % drift allowance; measure both in one `ab` run to decide"));
        }

        if (cHigh <= bLow * (1 + t) && cLow >= bHigh * (1 - t))
        {
            return figures with { Verdict = Verdict.Same };
        }

        return Inconclusive(figures, InconclusiveReason.BracketsTooWide,
            Invariant($"the rate brackets ({brackets}) allow both no change and one beyond the {t * 100:0.###} % threshold: the rate search is too coarse to tell"));
    }

    /// <summary>Faster or slower when the brackets do not overlap and the smallest change they allow exceeds <paramref name="allowance"/>.</summary>
    private static Verdict? Change(double bLow, double bHigh, double cLow, double cHigh, double allowance)
    {
        if (double.IsFinite(bHigh) && cLow > bHigh && cLow >= bHigh * (1 + allowance))
        {
            return Verdict.Faster;
        }

        return double.IsFinite(cHigh) && cHigh < bLow && cHigh <= bLow * (1 - allowance) ? Verdict.Slower : null;
    }

    /// <summary>The baseline's best point and its twin on the current side, else the current side's best and its twin.</summary>
    private static (OfflinePoint? Baseline, OfflinePoint? Current) Match(OfflineResult before, OfflineResult after)
    {
        OfflinePoint? Find(OfflineResult result, OfflinePoint like) =>
            result.Points.IsDefault ? null : result.Points.FirstOrDefault(p => p.Concurrency == like.Concurrency && p.Batch == like.Batch);

        if (Find(after, before.Best) is OfflinePoint twin)
        {
            return (before.Best, twin);
        }

        OfflinePoint? baselineTwin = Find(before, after.Best);
        return (baselineTwin, baselineTwin is null ? null : after.Best);
    }

    /// <summary>Compare's evidence gates that do not depend on the samples: environments differ, a side's machine busy.</summary>
    private static (InconclusiveReason, string)? Gate(CaseResult baseline, CaseResult current, CompareOptions options,
        IReadOnlyList<string>? environmentDifferences, string baselineName, string currentName)
    {
        if (environmentDifferences is { Count: > 0 })
        {
            return (InconclusiveReason.EnvironmentsDiffer, $"environments differ ({string.Join(", ", environmentDifferences)})");
        }

        string[] busy = [.. new[] { (RegressionComparer.BusyShare(baseline), baselineName), (RegressionComparer.BusyShare(current), currentName) }
            .Where(s => s.Item1 > options.MaxBusyShare)
            .Select(s => Invariant($"{s.Item2} {s.Item1 * 100:0} %"))];
        return busy.Length > 0
            ? (InconclusiveReason.MachineBusy, Invariant($"machine busy: other processes took {string.Join(", ", busy)} of the CPU (limit {options.MaxBusyShare * 100:0.#} %)"))
            : null;
    }

    /// <summary>Half the point's 95 % CI relative to its throughput (infinite when the throughput is not positive).</summary>
    private static double RelativeHalfWidth(OfflinePoint p) =>
        p.ImagesPerSecond > 0 ? (p.CiHigh - p.CiLow) / 2 / p.ImagesPerSecond : double.PositiveInfinity;

    private static string? Unusable(OfflinePoint point, string side) =>
        !point.WindowImagesPerSecond.IsDefault && point.WindowImagesPerSecond.Any(w => !double.IsFinite(w) || w <= 0)
            ? $"{side} has a window without images (or a non-finite throughput) at {Point(point)}"
            : null;

    private static string Lacks(CaseResult result, string side, string scenario) => result.Status != CaseStatus.Ok
        ? $"the {side} case {result.Status.ToString().ToLowerInvariant()}{(result.Reason is { Length: > 0 } r ? ": " + r : string.Empty)}"
        : $"the {side} run has no {scenario} scenario for this case (run --scenario {scenario})";

    private static string Point(OfflinePoint p) => Invariant($"c{p.Concurrency}, b{p.Batch}");

    private static string Bound(double ms) => Invariant($"p99 ≤ {ms:0.###} ms");

    private static string Open(double high) => double.IsPositiveInfinity(high) ? "open" : high.ToString("0.###", CultureInfo.InvariantCulture);

    private static ScenarioComparison Inconclusive(ScenarioComparison figures, InconclusiveReason reason, string note) =>
        figures with { Verdict = Verdict.Inconclusive, Reason = reason, Note = note };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
