namespace EffNetBench.Core.Quantization;

/// <summary>A conversion that cannot proceed: an already-quantized model, nothing to quantize, an empty or unreadable
/// calibration folder. One line naming the input and the fix.</summary>
public sealed class QuantizationException(string input, string message, ErrorKind kind = ErrorKind.Failed, Exception? inner = null)
    : EffNetBenchException(kind, input, message, inner);
