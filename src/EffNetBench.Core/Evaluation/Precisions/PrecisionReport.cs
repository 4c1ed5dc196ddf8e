using System.Collections.Immutable;
using EffNetBench.Core.Evaluation.Metrics;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>`eval --precision`: the accuracy of each precision on the same images and each lower one against fp32.</summary>
/// <param name="Runs">In evaluation order, fp32 first when it was asked for.</param>
/// <param name="Comparisons">Each lower precision against fp32; empty without fp32.</param>
public sealed record PrecisionReport(ImmutableArray<PrecisionRun> Runs, ImmutableArray<PrecisionComparison> Comparisons);

/// <summary>One precision's evaluation.</summary>
/// <param name="Conversion">How the model was converted; null for fp32.</param>
public sealed record PrecisionRun(string Precision, string ModelPath, int Images, Proportion Top1, Proportion? Top5, double ImagesPerSecond, ConversionSummary? Conversion);
