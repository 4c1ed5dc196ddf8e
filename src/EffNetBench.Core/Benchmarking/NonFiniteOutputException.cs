namespace EffNetBench.Core.Benchmarking;

/// <summary>A model produced NaN or infinity: its timings would measure the wrong thing (the case fails).</summary>
public sealed class NonFiniteOutputException(string message) : EffNetBenchException(ErrorKind.Failed, string.Empty, message);
