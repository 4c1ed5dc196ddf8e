namespace EffNetBench.Core.Results;

/// <summary>How the measurement loop of a case was configured and why it stopped.</summary>
/// <param name="TargetRelativeCi99">Target 99 % CI half-width as a fraction of the mean (0.01 = +-1 %).</param>
/// <param name="TimeCapS">Measurement time cap in seconds.</param>
public sealed record StoppingInfo(int MinSamples, double TargetRelativeCi99, double TimeCapS, bool PrecisionTargetMet, StopReason StoppedBy);
