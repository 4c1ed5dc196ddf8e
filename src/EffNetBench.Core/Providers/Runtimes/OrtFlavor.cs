namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>
/// An ONNX Runtime build published as a NuGet package: the tool's short name for it and the package id. The operating
/// system is known only where the package says so in its name (Gpu.Linux, Gpu.Windows, DirectML); otherwise the
/// package's runtimes/&lt;rid&gt;/native folders decide, after download.
/// </summary>
/// <param name="Os">"linux", "windows" or "macos" when the package exists only for that system; null when it varies.</param>
/// <param name="Note">What the build brings, for `runtimes add --help` and the README.</param>
public sealed record OrtFlavor(string Name, string PackageId, string? Os, string Note)
{
    public static OrtFlavor Cpu { get; } = new("cpu", "Microsoft.ML.OnnxRuntime", null, "the CPU build (the one the tool bundles)");

    /// <summary>The flavors, in the order help lists them. Source: the package list of ONNX Runtime's install page
    /// (https://onnxruntime.ai/docs/install/) and the packages' runtimes folders.</summary>
    public static IReadOnlyList<OrtFlavor> All { get; } =
    [
        Cpu,
        new("gpu-linux", "Microsoft.ML.OnnxRuntime.Gpu.Linux", "linux", "CUDA and TensorRT providers (linux-x64)"),
        new("gpu-windows", "Microsoft.ML.OnnxRuntime.Gpu.Windows", "windows", "CUDA and TensorRT providers (win-x64)"),
        new("directml", "Microsoft.ML.OnnxRuntime.DirectML", "windows", "DirectML provider"),
        new("openvino", "Intel.ML.OnnxRuntime.OpenVino", null, "OpenVINO provider (Intel's package)"),
    ];

    /// <summary>"gpu" is this system's GPU package: gpu-linux on Linux, gpu-windows on Windows.</summary>
    public const string GpuAlias = "gpu";

    /// <summary>The flavor called <paramref name="name"/> (case-insensitive; "gpu" is this system's GPU package), or null.</summary>
    public static OrtFlavor? Find(string name)
    {
        string wanted = name.Trim().ToLowerInvariant();
        if (wanted == GpuAlias)
        {
            wanted = OperatingSystem.IsWindows() ? "gpu-windows" : "gpu-linux";
        }

        return All.FirstOrDefault(f => f.Name == wanted);
    }

    /// <summary>The names, for messages: "cpu, gpu-linux, ...".</summary>
    public static string Names => string.Join(", ", All.Select(f => f.Name)) + " (or gpu: this system's GPU package)";

    /// <summary>Whether a package of this flavor can have a build for the running system.</summary>
    public bool ForThisSystem => Os switch
    {
        null => true,
        "linux" => OperatingSystem.IsLinux(),
        "windows" => OperatingSystem.IsWindows(),
        "macos" => OperatingSystem.IsMacOS(),
        _ => false,
    };
}
