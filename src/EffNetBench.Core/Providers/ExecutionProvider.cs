namespace EffNetBench.Core.Providers;

/// <summary>An ONNX Runtime execution provider the benchmark can target.</summary>
public enum ExecutionProvider
{
    Cpu,
    Cuda,
    TensorRt,
    OpenVino,
}
