namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>
/// An accuracy file is missing, unreadable or not in the expected format. The message is one line naming the file.
/// An <see cref="IOException"/> so that callers which already treat an unusable input file as a failed run (not bad
/// usage) treat this one the same way.
/// </summary>
public sealed class AccuracyFormatException : IOException
{
    public AccuracyFormatException()
        : this(string.Empty, "the accuracy file cannot be read.")
    {
    }

    public AccuracyFormatException(string message)
        : this(string.Empty, message)
    {
    }

    public AccuracyFormatException(string message, Exception innerException)
        : this(string.Empty, message, innerException)
    {
    }

    public AccuracyFormatException(string path, string message, Exception? innerException = null)
        : base(message.ReplaceLineEndings(" "), innerException)
    {
        Path = path;
    }

    /// <summary>The file at fault.</summary>
    public string Path { get; }
}
