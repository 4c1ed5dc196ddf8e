namespace EffNetBench.Core.Providers;

/// <summary>Provider options: DeviceId for CUDA and TensorRT, the TensorRT flags, and OpenVINO's device_type (null = OpenVINO's default).</summary>
public sealed record ProviderSettings(
    int DeviceId = 0,
    bool TensorRtFp16 = false,
    string? TensorRtEngineCacheDir = null,
    string? OpenVinoDeviceType = null,
    bool CudaGraph = false)
{
    /// <summary>`--graph-opt`: "disabled", "basic", "extended" or "all"; null for "all" (the default). See <see cref="GraphOptimizationLevels"/>.</summary>
    public string? GraphOptimization { get; init; }

    /// <summary>`--spin on|off`: ONNX Runtime's intra-op thread spinning (<see cref="SessionFactory.AllowIntraOpSpinningKey"/>);
    /// null leaves ONNX Runtime's default.</summary>
    public bool? Spin { get; init; }
}
