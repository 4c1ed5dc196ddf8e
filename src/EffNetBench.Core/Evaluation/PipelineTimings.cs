namespace EffNetBench.Core.Evaluation;

/// <summary>
/// Where an evaluation's time went. The input side runs on <paramref name="Workers"/> threads at once, so its
/// seconds are summed over workers (CPU-side busy time), while inference and waiting are wall time on the one
/// inference thread. <see cref="InferenceWaitSeconds"/> near zero means the evaluation ran at the model's speed;
/// a large share means the decoder was the bottleneck.
/// </summary>
/// <param name="Workers">Decode/preprocess workers.</param>
/// <param name="DecodeSeconds">Reading and decoding files (EXIF orientation and colour conversion included), summed over workers.</param>
/// <param name="PreprocessSeconds">Resize, crop, normalise and layout, summed over workers.</param>
/// <param name="InferenceSeconds">Inside the model's session runs (batch assembly and scoring included).</param>
/// <param name="InferenceWaitSeconds">The inference thread waiting for prepared images.</param>
/// <param name="PeakRssBytes">The process's peak resident memory at the end (VmHWM), when the platform reports it.</param>
public sealed record PipelineTimings(
    int Workers,
    double DecodeSeconds,
    double PreprocessSeconds,
    double InferenceSeconds,
    double InferenceWaitSeconds,
    long? PeakRssBytes);
