namespace EffNetBench.Core.Benchmarking;

/// <summary>A model produced NaN or infinity: its timings would measure the wrong thing.</summary>
public sealed class NonFiniteOutputException(string message) : Exception(message);
