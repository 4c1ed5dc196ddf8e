namespace EffNetBench.Core.Benchmarking.Statistics;

/// <summary>
/// Judges a case's recorded samples against its precision target once measurement is over (the case's
/// precision_target_met). It does not stop measurement: BenchmarkDotNet does, by its MaxRelativeError rule on the 99.9 %
/// CI of the mean (<see cref="BenchmarkPreset.StoppingRule"/>), so a case stopped for precision meets this 99 % target
/// too, and one stopped by the time budget or the sample limit may not.
/// </summary>
public static class StoppingRule
{
    /// <summary>
    /// True once there are at least <paramref name="minSamples"/> samples (and at least 2, so a CI exists) and the
    /// 99 % CI half-width of the mean is at most <paramref name="targetRelativeCi99"/> x mean. The half-width is the one
    /// <see cref="LatencyStatistics.From"/> reports.
    /// </summary>
    /// <param name="samplesMs">Individual inference latencies measured so far, in milliseconds.</param>
    /// <param name="minSamples">Samples to take before the rule may stop, at least 1.</param>
    /// <param name="targetRelativeCi99">Target half-width relative to the mean, e.g. 0.01 for +-1 %; finite and positive.</param>
    public static bool PrecisionReached(IReadOnlyList<double> samplesMs, int minSamples, double targetRelativeCi99)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSamples, 1);
        if (!double.IsFinite(targetRelativeCi99) || targetRelativeCi99 <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetRelativeCi99), targetRelativeCi99, "The target relative CI half-width must be finite and positive.");
        }

        if (samplesMs.Count < Math.Max(minSamples, 2))
        {
            return false;
        }

        SampleMath.Validate(samplesMs, nameof(samplesMs));
        (double mean, double stdDev) = SampleMath.MeanAndStdDev(samplesMs);
        double halfWidth = SampleMath.Ci99HalfWidth(samplesMs.Count, stdDev);

        // Multiplying instead of dividing lets identical (even all-zero) samples count as precise.
        return halfWidth <= targetRelativeCi99 * mean;
    }
}
