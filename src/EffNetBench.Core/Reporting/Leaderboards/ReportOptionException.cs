namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>A report option names something the inputs do not have (e.g. an unknown baseline hardware): bad usage.</summary>
public sealed class ReportOptionException : Exception
{
    public ReportOptionException()
        : this("the report option is not valid.")
    {
    }

    public ReportOptionException(string message)
        : base(message)
    {
    }

    public ReportOptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
