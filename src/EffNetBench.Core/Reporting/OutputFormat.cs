namespace EffNetBench.Core.Reporting;

public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
