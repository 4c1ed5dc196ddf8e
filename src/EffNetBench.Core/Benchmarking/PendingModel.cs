namespace EffNetBench.Core.Benchmarking;

/// <summary>A zoo model a run will generate into the cache: its name, batch size and estimated file size.</summary>
public sealed record PendingModel(string Name, int Batch, long EstimatedBytes);
