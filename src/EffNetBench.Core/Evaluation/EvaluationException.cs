namespace EffNetBench.Core.Evaluation;

/// <summary>
/// An evaluation that cannot complete (too many bad images, a model whose outputs do not match the classes): the
/// operation failed (exit 1); the message is one line naming the fix.
/// </summary>
public sealed class EvaluationException(string message, Exception? innerException = null)
    : EffNetBenchException(ErrorKind.Failed, string.Empty, message, innerException);
