namespace EffNetBench.Core.Providers;

/// <summary>Device memory in bytes as NVML reports it; null values with a Reason when it could not be read.</summary>
public sealed record GpuMemory(long? UsedBytes, long? TotalBytes, string? Reason);
