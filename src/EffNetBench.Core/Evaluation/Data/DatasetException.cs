namespace EffNetBench.Core.Evaluation.Data;

/// <summary>A dataset that cannot be read; the message is one line naming the path and the fix. A dataset, classes or
/// labels path that does not exist or is the wrong kind (a file that is not a CSV, a folder without images or class
/// folders) is bad usage; contents that cannot be used (a malformed CSV or labels file, an unsupported file) are a failure.</summary>
public sealed class DatasetException(string path, string message, ErrorKind kind = ErrorKind.Failed)
    : EffNetBenchException(kind, path, message)
{
    public string DatasetPath => Input;
}
