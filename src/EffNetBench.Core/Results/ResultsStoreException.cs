namespace EffNetBench.Core.Results;

/// <summary>A run folder cannot be created, resumed or completed. The message is one line naming the path and the fix.</summary>
public class ResultsStoreException : Exception
{
    public ResultsStoreException()
        : this(string.Empty, "the run folder cannot be used.")
    {
    }

    public ResultsStoreException(string message)
        : this(string.Empty, message)
    {
    }

    public ResultsStoreException(string message, Exception innerException)
        : this(string.Empty, message, innerException)
    {
    }

    public ResultsStoreException(string path, string message, Exception? innerException = null)
        : base(OneLine(message), innerException)
    {
        Path = path;
    }

    /// <summary>The folder or file at fault.</summary>
    public string Path { get; }

    // Messages are printed as a single CLI error line, and System.Text.Json messages may not be.
    internal static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
