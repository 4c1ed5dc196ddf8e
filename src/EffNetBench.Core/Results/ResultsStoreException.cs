namespace EffNetBench.Core.Results;

/// <summary>A run folder cannot be created, resumed or completed (exit 1), or the path given is missing or not a run folder
/// (bad usage, exit 2). The message is one line naming the path and the fix.</summary>
public class ResultsStoreException(string path, string message, Exception? innerException = null, ErrorKind kind = ErrorKind.Failed)
    : EffNetBenchException(kind, path, message, innerException)
{
    /// <summary>The folder or file at fault.</summary>
    public string Path => Input;
}
