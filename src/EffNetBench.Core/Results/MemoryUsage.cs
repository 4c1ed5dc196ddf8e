namespace EffNetBench.Core.Results;

/// <summary>Memory of a case; null where the platform cannot tell.</summary>
/// <param name="PeakRssBytes">Peak resident set (VmHWM) of the case's own process from just before its session was created.</param>
/// <param name="SessionRssDeltaBytes">RSS after session creation minus RSS before it.</param>
/// <param name="WeightBytes">Initializer bytes in the model file.</param>
/// <param name="GpuReason">Why <paramref name="GpuPeakBytes"/> is null, when it is.</param>
public sealed record MemoryUsage(
    long? RssBeforeSessionBytes,
    long? RssAfterSessionBytes,
    long? RssAfterMeasurementBytes,
    long? PeakRssBytes,
    long? SessionRssDeltaBytes,
    double? ManagedBytesPerInference,
    long? WeightBytes,
    long? GpuPeakBytes,
    string? GpuReason);
