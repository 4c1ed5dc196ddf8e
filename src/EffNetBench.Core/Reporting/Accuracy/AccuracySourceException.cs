namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>An accuracy source names no known table and is not a .csv or .json file: bad usage, fixed on the command line.</summary>
public sealed class AccuracySourceException : Exception
{
    public AccuracySourceException()
        : this("the accuracy source is unknown.")
    {
    }

    public AccuracySourceException(string message)
        : base(message)
    {
    }

    public AccuracySourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
