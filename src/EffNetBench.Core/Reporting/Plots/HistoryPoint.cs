namespace EffNetBench.Core.Reporting.Plots;

/// <summary>One case's latency in one release.</summary>
/// <param name="Case">The benchmark case; one pair of lines (median and p99) each.</param>
/// <param name="Order">Position of the release on the x axis; releases are drawn in ascending order.</param>
/// <param name="Label">The release's name under its tick, e.g. "0.3.0".</param>
/// <param name="MedianMs">Median latency in milliseconds.</param>
/// <param name="P99Ms">99th-percentile latency in milliseconds.</param>
/// <param name="Regression">The release made this case slower: marked in red.</param>
public sealed record HistoryPoint(string Case, int Order, string Label, double MedianMs, double P99Ms, bool Regression);
