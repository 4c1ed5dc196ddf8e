namespace EffNetBench.Core;

/// <summary>What an error means for the person at the command line, and so the tool's exit code.</summary>
public enum ErrorKind
{
    /// <summary>The operation failed on valid input (a corrupt file, a provider this machine lacks): exit code 1.</summary>
    Failed = 1,

    /// <summary>The command line must change (a bad option, a missing input, a folder where a file belongs): exit code 2.</summary>
    Usage = 2,
}

/// <summary>
/// The one base of every error the tool reports to its user: a one-line message naming the input and the fix, and
/// whether the command line or the operation is at fault. Anything else that escapes a command is a bug.
/// </summary>
public abstract class EffNetBenchException : Exception
{
    protected EffNetBenchException(ErrorKind kind, string input, string message, Exception? innerException = null)
        : base(message.ReplaceLineEndings(" "), innerException)
    {
        Kind = kind;
        Input = input;
    }

    public ErrorKind Kind { get; }

    /// <summary>The file, folder or value at fault; empty when there is none.</summary>
    public string Input { get; }
}
