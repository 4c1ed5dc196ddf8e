namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>An accuracy source names no known table and is not a .csv or .json file: bad usage (exit 2), fixed on the command line.</summary>
public sealed class AccuracySourceException(string message, Exception? innerException = null)
    : EffNetBenchException(ErrorKind.Usage, string.Empty, message, innerException);
