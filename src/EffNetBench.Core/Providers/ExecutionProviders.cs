namespace EffNetBench.Core.Providers;

/// <summary>Command-line names, display names and ONNX Runtime names of the execution providers.</summary>
public static class ExecutionProviders
{
    private static readonly ExecutionProvider[] AllProviders = [ExecutionProvider.Cpu, ExecutionProvider.Cuda, ExecutionProvider.TensorRt, ExecutionProvider.OpenVino];

    public static IReadOnlyList<ExecutionProvider> All { get; } = Array.AsReadOnly(AllProviders);

    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(AllProviders.Select(Name).ToArray());

    public static string Name(ExecutionProvider p) => p switch
    {
        ExecutionProvider.Cpu => "cpu",
        ExecutionProvider.Cuda => "cuda",
        ExecutionProvider.TensorRt => "tensorrt",
        ExecutionProvider.OpenVino => "openvino",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "unknown execution provider"),
    };

    public static bool TryParse(string name, out ExecutionProvider p)
    {
        foreach (ExecutionProvider candidate in AllProviders)
        {
            if (string.Equals(name?.Trim(), Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                p = candidate;
                return true;
            }
        }

        p = default;
        return false;
    }

    public static string OrtName(ExecutionProvider p) => p switch
    {
        ExecutionProvider.Cpu => "CPUExecutionProvider",
        ExecutionProvider.Cuda => "CUDAExecutionProvider",
        ExecutionProvider.TensorRt => "TensorrtExecutionProvider",
        ExecutionProvider.OpenVino => "OpenVINOExecutionProvider",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "unknown execution provider"),
    };

    /// <summary>The name people write in prose, for messages.</summary>
    public static string DisplayName(ExecutionProvider p) => p switch
    {
        ExecutionProvider.Cpu => "CPU",
        ExecutionProvider.Cuda => "CUDA",
        ExecutionProvider.TensorRt => "TensorRT",
        ExecutionProvider.OpenVino => "OpenVINO",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "unknown execution provider"),
    };

    /// <summary>What to install when the loaded ONNX Runtime lacks the provider.</summary>
    internal static string BuildFix(ExecutionProvider p) => p switch
    {
        ExecutionProvider.Cuda or ExecutionProvider.TensorRt =>
            $"use a GPU build (Microsoft.ML.OnnxRuntime.Gpu.Linux) via --ort VERSION:gpu (after 'effnet-bench runtimes add VERSION --flavor gpu'), --ort-lib PATH or {OrtLibrary.EnvironmentVariable}",
        ExecutionProvider.OpenVino =>
            $"use an OpenVINO build of ONNX Runtime (Intel.ML.OnnxRuntime.OpenVino, or built with --use_openvino) via --ort VERSION:openvino, --ort-lib PATH or {OrtLibrary.EnvironmentVariable}",
        _ => $"use a standard ONNX Runtime build via --ort-lib PATH or {OrtLibrary.EnvironmentVariable}",
    };
}
