using System.Collections.Immutable;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>One curve of the p99-vs-load plot.</summary>
/// <param name="Label">Legend text, e.g. "b0@224".</param>
/// <param name="BoundMs">The p99 bound the rate search kept to.</param>
/// <param name="MaxRate">The highest offered rate within the bound, marked on the curve; null when none was.</param>
/// <param name="Points">(offered rate in requests/s, p99 in ms).</param>
public sealed record LoadCurve(string Label, double BoundMs, double? MaxRate, ImmutableArray<(double OfferedRate, double P99Ms)> Points);
