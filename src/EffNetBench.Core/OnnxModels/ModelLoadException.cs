namespace EffNetBench.Core.OnnxModels;

/// <summary>
/// Thrown by <see cref="OnnxModelFile.Load"/> when a file is missing, unreadable, or is not a (complete) ONNX model:
/// the operation failed (exit 1), or bad usage (exit 2) for a path that does not exist or is a folder. The message is a
/// single line naming the path and the likely fix.
/// </summary>
public sealed class ModelLoadException(string modelPath, string message, Exception? innerException = null, ErrorKind kind = ErrorKind.Failed)
    : EffNetBenchException(kind, modelPath, message, innerException)
{
    /// <summary>The path that was being loaded.</summary>
    public string ModelPath => Input;
}
