namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>A report option names something the inputs do not have (e.g. an unknown baseline hardware): bad usage (exit 2).</summary>
public sealed class ReportOptionException(string message, Exception? innerException = null)
    : EffNetBenchException(ErrorKind.Usage, string.Empty, message, innerException);
