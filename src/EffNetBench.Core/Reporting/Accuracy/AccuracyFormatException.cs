namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>
/// An accuracy file is missing (bad usage, exit 2), unreadable or not in the expected format (the operation failed, exit
/// 1, as for any unusable input file). The message is one line naming the file.
/// </summary>
public sealed class AccuracyFormatException(string path, string message, Exception? innerException = null, ErrorKind kind = ErrorKind.Failed)
    : EffNetBenchException(kind, path, message, innerException)
{
    /// <summary>The file at fault.</summary>
    public string Path => Input;
}
