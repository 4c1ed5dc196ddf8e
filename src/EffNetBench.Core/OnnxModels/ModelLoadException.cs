namespace EffNetBench.Core.OnnxModels;

/// <summary>
/// Thrown by <see cref="OnnxModelFile.Load"/> when a file is missing, unreadable, or is not a
/// (complete) ONNX model. The message is a single line naming the path and the likely fix.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
        : this(string.Empty, "could not load the ONNX model.")
    {
    }

    public ModelLoadException(string message)
        : this(string.Empty, message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : this(string.Empty, message, innerException)
    {
    }

    public ModelLoadException(string modelPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelPath = modelPath;
    }

    /// <summary>The path that was being loaded.</summary>
    public string ModelPath { get; }
}
