using Perfolizer.Horology;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace EffNetBench.Core.Regression;

/// <summary>
/// Perfolizer's Mann-Whitney equivalence test on individual inference latencies, run once against the relative
/// threshold and once against the absolute noise floor (dotnet/performance ResultsComparer's two-threshold rule).
/// </summary>
internal static class LatencyShiftTest
{
    // The same test BenchmarkDotNet's StatisticalTestColumn runs: a shift far beyond the threshold is decided by the
    // Hodges-Lehmann shift alone, anything else by two one-sided Mann-Whitney tests against the shifted baseline.
    private static readonly SimpleEquivalenceTest Test = new(MannWhitneyTest.Instance);

    public static (Verdict Threshold, Verdict Noise) Run(IReadOnlyList<double> baselineMs, IReadOnlyList<double> currentMs, CompareOptions options)
    {
        var baseline = new Sample(baselineMs, TimeUnit.Millisecond);
        var current = new Sample(currentMs, TimeUnit.Millisecond);
        var alpha = new SignificanceLevel(options.Alpha);
        Threshold relative = PercentValue.Of(options.RelativeThreshold * 100).ToThreshold();
        Threshold noise = TimeInterval.FromMilliseconds(options.NoiseMs).ToThreshold();
        return (ToVerdict(Test.Perform(current, baseline, relative, alpha)), ToVerdict(Test.Perform(current, baseline, noise, alpha)));
    }

    /// <summary>A change counts only when both tests find it in the same direction; either test seeing none means none.</summary>
    public static Verdict Combine(Verdict threshold, Verdict noise) => (threshold, noise) switch
    {
        (Verdict.Unknown, _) or (_, Verdict.Unknown) => Verdict.Unknown,
        (Verdict.Slower, Verdict.Slower) => Verdict.Slower,
        (Verdict.Faster, Verdict.Faster) => Verdict.Faster,
        _ => Verdict.Same,
    };

    // Perform(current, baseline): Greater means the current latencies are larger, i.e. slower.
    private static Verdict ToVerdict(ComparisonResult result) => result switch
    {
        ComparisonResult.Greater => Verdict.Slower,
        ComparisonResult.Lesser => Verdict.Faster,
        ComparisonResult.Indistinguishable => Verdict.Same,
        _ => Verdict.Unknown,
    };
}
