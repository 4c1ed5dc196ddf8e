namespace EffNetBench.Core.Results;

/// <summary>This machine's attainable peaks through one runtime and provider (the roofline's roof), measured by the
/// tool and cached per machine and runtime. Stored in results.json's "peaks" (a run with `--profile`).</summary>
/// <param name="Provider">The provider measured, e.g. "cpu".</param>
/// <param name="OnnxRuntime">The ONNX Runtime version measured with.</param>
/// <param name="Cpu">The CPU model the peaks belong to.</param>
/// <param name="Threads">Intra-op threads used; null for the runtime's default.</param>
/// <param name="ComputeGflops">A large matrix product through ONNX Runtime, GFLOP/s.</param>
/// <param name="BandwidthGBps">A large streaming operation through ONNX Runtime, GB/s.</param>
/// <param name="LoopBandwidthGBps">A plain streaming loop, GB/s (the cross-check); null when not measured.</param>
/// <param name="Method">How each figure was measured, in words (sizes, repetitions, statistic).</param>
/// <param name="MeasuredUtc">When; a cached figure keeps its original time.</param>
public sealed record MachinePeaks(
    string Provider,
    string OnnxRuntime,
    string Cpu,
    int? Threads,
    double ComputeGflops,
    double BandwidthGBps,
    double? LoopBandwidthGBps,
    string Method,
    DateTimeOffset MeasuredUtc)
{
    /// <summary>The intensity (FLOPs per byte) where the memory roof meets the compute roof.</summary>
    public double RidgeIntensity => ComputeGflops / BandwidthGBps;

    /// <summary>The roofline: min(compute peak, intensity x bandwidth), GFLOP/s.</summary>
    public double AttainableGflops(double intensity) => Math.Min(ComputeGflops, intensity * BandwidthGBps);
}
