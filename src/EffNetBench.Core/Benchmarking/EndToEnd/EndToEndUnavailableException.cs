namespace EffNetBench.Core.Benchmarking.EndToEnd;

/// <summary>End-to-end cannot be measured here (no extensions library, no DecodeImage, an image it rejects); the message
/// is the skipped case's reason.</summary>
public sealed class EndToEndUnavailableException(string message, Exception? inner = null)
    : EffNetBenchException(ErrorKind.Failed, string.Empty, message, inner);
