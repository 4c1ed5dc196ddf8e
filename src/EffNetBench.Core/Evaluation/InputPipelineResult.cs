using System.Collections.Immutable;
using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Evaluation;

/// <summary>The outcome of <see cref="Evaluator.MeasureInput"/>: the input pipeline alone, every image decoded and preprocessed, no inference.</summary>
/// <param name="Images">Images decoded and preprocessed.</param>
/// <param name="ImagesPerSecond">All images (skipped ones included) per wall-clock second.</param>
public sealed record InputPipelineResult(
    int Images,
    ImmutableArray<SkippedImage> Skipped,
    Preprocessing Preprocessing,
    TimeSpan Elapsed,
    double ImagesPerSecond,
    PipelineTimings Timings);
