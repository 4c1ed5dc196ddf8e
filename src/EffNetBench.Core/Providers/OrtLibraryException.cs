namespace EffNetBench.Core.Providers;

/// <summary>
/// The native ONNX Runtime library asked for (--ort-lib or the environment variable) cannot be used: a path that does
/// not exist is bad usage (exit 2); a file that exists but does not load, is not ONNX Runtime, or is another version is a
/// failure (exit 1). The message is one line naming the library, what went wrong and the fix.
/// </summary>
public sealed class OrtLibraryException(ErrorKind kind, string libraryPath, string message, Exception? innerException = null)
    : EffNetBenchException(kind, libraryPath, message, innerException)
{
    public string LibraryPath => Input;
}
