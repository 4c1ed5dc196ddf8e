namespace EffNetBench.Core.Evaluation;

/// <summary>How far an evaluation has got: images classified or skipped so far, out of the total.</summary>
public sealed record EvalProgress(int Done, int Total, int Skipped, double ImagesPerSecond)
{
    /// <summary>Time left at the rate so far; null before the first image is done.</summary>
    public TimeSpan? Remaining => Done > 0 && ImagesPerSecond > 0 && double.IsFinite(ImagesPerSecond)
        ? TimeSpan.FromSeconds(Math.Max(0, Total - Done) / ImagesPerSecond)
        : null;
}
