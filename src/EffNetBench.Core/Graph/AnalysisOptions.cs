namespace EffNetBench.Core.Graph;

/// <summary>Options for <see cref="GraphAnalyzer.Analyze"/>.</summary>
/// <param name="Batch">
/// Value used for a symbolic (or unknown) first dimension of a graph input; defaults to 1. Other
/// symbolic dimensions stay unresolved, so the nodes depending on them are reported as not counted.
/// </param>
public sealed record AnalysisOptions(long? Batch = null);
