namespace EffNetBench.Core.Results;

/// <summary>The same session timed by a plain Stopwatch loop around ONNX Runtime's Run (`run --check-overhead`):
/// the reference that shows the harness adds no overhead of its own.</summary>
/// <param name="BareLoopMedianMs">Median of the bare loop's individual inferences.</param>
/// <param name="BareLoopP99Ms">99th percentile of the bare loop's inferences.</param>
/// <param name="BareLoopSamples">Inferences the bare loop timed, after the same warm-up as the harness.</param>
public sealed record HarnessCheck(double BareLoopMedianMs, double BareLoopP99Ms, int BareLoopSamples);
