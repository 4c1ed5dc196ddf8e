namespace EffNetBench.Core.Evaluation.Data;

/// <summary>One image of a dataset: its full path and the index of its class in <see cref="Dataset.Classes"/> (= the model's output index).</summary>
public sealed record LabelledImage(string Path, int ClassIndex);
