using EffNetBench.Core.Providers;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.IntegrationTests.Providers;

/// <summary>What the tests can expect of the ONNX Runtime loaded here, so tests about one kind of build skip, with the
/// reason, on another (a GPU or OpenVINO build, or a library chosen with EFFNET_BENCH_ORT_LIB) instead of failing.</summary>
internal static class LoadedOrt
{
    /// <summary>The version of the Microsoft.ML.OnnxRuntime package the tool references, e.g. "1.31.1": the bundled
    /// native library is that version (the managed assembly is older: the oldest supported API).</summary>
    public static string PackageVersion => OrtNativeApi.BundledVersion;

    /// <summary>The library EFFNET_BENCH_ORT_LIB points at instead of the bundled one, or null.</summary>
    public static string? CustomLibrary =>
        Environment.GetEnvironmentVariable(OrtLibrary.EnvironmentVariable) is { Length: > 0 } path ? path : null;

    /// <summary>Providers the loaded build was compiled with besides CPU (none in the CPU-only package the tests use).</summary>
    public static IReadOnlyList<string> Accelerators { get; } =
        [.. OrtEnv.Instance().GetAvailableProviders().Where(p => p != ExecutionProviders.OrtName(ExecutionProvider.Cpu))];

    /// <summary>Skips a test about the CPU-only build when the loaded one has an accelerator compiled in.</summary>
    public static void SkipUnlessCpuOnly() =>
        Skip.If(Accelerators.Count > 0, $"about the CPU-only ONNX Runtime build; the loaded one also has {string.Join(", ", Accelerators)}");

    /// <summary>Skips a test about the bundled library when EFFNET_BENCH_ORT_LIB chose another.</summary>
    public static void SkipUnlessBundled() =>
        Skip.If(CustomLibrary is not null, $"about the bundled ONNX Runtime {PackageVersion}; {OrtLibrary.EnvironmentVariable} loads {CustomLibrary}");
}
