namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>One class's recall in fp32 and in a lower precision (quantization can hurt rare classes first).</summary>
/// <param name="Change"><paramref name="Recall"/> - <paramref name="BaselineRecall"/>.</param>
public sealed record ClassRecallChange(string Class, int Support, double BaselineRecall, double Recall, double Change);
