namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>The text is not an ONNX Runtime profile at all (not a JSON array of trace events).</summary>
public sealed class ProfileTraceException(string message) : Exception(message);
