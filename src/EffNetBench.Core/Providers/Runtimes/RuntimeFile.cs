namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>One native file kept from the package, and its size in bytes.</summary>
public sealed record RuntimeFile(string Name, long Bytes);
