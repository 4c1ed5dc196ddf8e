namespace EffNetBench.Core.Regression;

/// <summary>
/// Equivalence tests on individual inference latencies (two one-sided Mann-Whitney tests, <see cref="MannWhitney"/>):
/// slower when the current latencies are significantly above the baseline's shifted up by the allowed change, faster
/// when significantly below the baseline's shifted down, same otherwise. Run against the relative threshold, the
/// absolute noise floor and the drift or launch-spread allowance (dotnet/performance ResultsComparer's rule, plus the
/// allowance). Both one-sided tests run at every shift, however large: nothing is decided by the shift estimate alone.
/// </summary>
internal static class LatencyShiftTest
{
    /// <summary>The test against a relative change (0.05 = 5 %): the baseline scaled by 1 + change and 1 - change.</summary>
    public static Verdict Relative(IReadOnlyList<double> baselineMs, IReadOnlyList<double> currentMs, double change, double alpha) =>
        Decide(currentMs, Shift(baselineMs, b => b * (1 + change)), Shift(baselineMs, b => b * (1 - change)), alpha);

    /// <summary>The test against an absolute change in milliseconds: the baseline moved by + and - the change.</summary>
    public static Verdict Absolute(IReadOnlyList<double> baselineMs, IReadOnlyList<double> currentMs, double changeMs, double alpha) =>
        Decide(currentMs, Shift(baselineMs, b => b + changeMs), Shift(baselineMs, b => b - changeMs), alpha);

    /// <summary>A change counts only when both tests find it in the same direction; either test seeing none means none.</summary>
    public static Verdict Combine(Verdict threshold, Verdict noise) => (threshold, noise) switch
    {
        (Verdict.Inconclusive, _) or (_, Verdict.Inconclusive) => Verdict.Inconclusive,
        (Verdict.Slower, Verdict.Slower) => Verdict.Slower,
        (Verdict.Faster, Verdict.Faster) => Verdict.Faster,
        _ => Verdict.Same,
    };

    private static Verdict Decide(IReadOnlyList<double> current, double[] upper, double[] lower, double alpha)
    {
        if (MannWhitney.PGreater(current, upper) < alpha)
        {
            return Verdict.Slower;
        }

        return MannWhitney.PLess(current, lower) < alpha ? Verdict.Faster : Verdict.Same;
    }

    private static double[] Shift(IReadOnlyList<double> values, Func<double, double> shift)
    {
        var shifted = new double[values.Count];
        for (int i = 0; i < shifted.Length; i++)
        {
            shifted[i] = shift(values[i]);
        }

        return shifted;
    }
}
