namespace EffNetBench.Core.Graph;

/// <summary>Raised by shape rules when a node cannot be costed; the message becomes the NotCounted reason.</summary>
internal sealed class NotCountableException(string reason, Exception? innerException = null)
    : EffNetBenchException(ErrorKind.Failed, string.Empty, reason, innerException);
