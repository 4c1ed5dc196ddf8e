namespace EffNetBench.Core.Evaluation;

/// <summary>One image on its way from the decode workers to the inference loop: a pooled input row, or why there is none.</summary>
internal readonly record struct PreparedImage(string Path, int ClassIndex, float[]? Input, string? Error);
