namespace EffNetBench.Core.Quantization;

/// <summary>A case's precision cannot run here (no converter in this build, no kernel on the provider); the message is
/// the skipped case's reason: never measured as fp32 instead.</summary>
public sealed class PrecisionUnavailableException(string message, Exception? inner = null)
    : EffNetBenchException(ErrorKind.Failed, string.Empty, message, inner);
