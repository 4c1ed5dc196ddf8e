namespace EffNetBench.Core.Evaluation.Data;

/// <summary>A dataset that cannot be read; the message is one line naming the path and the fix. A dataset, classes or
/// labels path that does not exist or is the wrong kind is bad usage; contents that cannot be used are a failure.</summary>
public sealed class DatasetException(string path, string message, ErrorKind kind = ErrorKind.Failed)
    : EffNetBenchException(kind, path, message)
{
    public string DatasetPath => Input;
}
