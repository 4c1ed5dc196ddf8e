using EffNetBench.Core;
using EffNetBench.Core.Providers.Runtimes;
using EffNetBench.Core.Benchmarking;

namespace EffNetBench.Tests.Providers.Runtimes;

public sealed class OrtSpecTests
{
    [Theory]
    [InlineData("1.30.0", "1.30.0", "cpu", "Microsoft.ML.OnnxRuntime")]
    [InlineData("1.31.1:cpu", "1.31.1", "cpu", "Microsoft.ML.OnnxRuntime")]
    [InlineData("1.31.0:gpu-linux", "1.31.0", "gpu-linux", "Microsoft.ML.OnnxRuntime.Gpu.Linux")]
    [InlineData(" 1.31.0:GPU-Windows", "1.31.0", "gpu-windows", "Microsoft.ML.OnnxRuntime.Gpu.Windows")]
    [InlineData("1.31:directml", "1.31.0", "directml", "Microsoft.ML.OnnxRuntime.DirectML")]
    public void Parses_version_and_flavor(string text, string version, string flavor, string package)
    {
        OrtSpec spec = OrtSpec.Parse(text, "--ort");

        Assert.Equal((version, flavor, package), (spec.Version.ToNormalizedString(), spec.Flavor.Name, spec.Flavor.PackageId));
    }

    [Fact]
    public void Gpu_is_this_systems_gpu_package() =>
        Assert.Equal(OperatingSystem.IsWindows() ? "gpu-windows" : "gpu-linux", OrtSpec.Parse("1.31.0:gpu", "--ort").Flavor.Name);

    [Theory]
    [InlineData("latest", "--ort 'latest' is not an ONNX Runtime version: use a NuGet version such as 1.30.0 (optionally :flavor), or pass --ort-lib PATH")]
    [InlineData("1.30.0:cuda", "--ort: 'cuda' is not an ONNX Runtime flavor: use cpu, gpu-linux, gpu-windows, directml, openvino (or gpu: this system's GPU package)")]
    public void Bad_text_is_a_usage_error(string text, string message)
    {
        var e = Assert.Throws<RuntimeException>(() => OrtSpec.Parse(text, "--ort"));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_version_not_in_the_cache_is_refused_with_the_command_that_adds_it()
    {
        var store = new RuntimeStore(Path.Combine(Path.GetTempPath(), $"effnet-bench-nothing-{Guid.NewGuid():N}"));

        var cpu = Assert.Throws<RuntimeException>(() => OrtSpec.Parse("1.31.1", "--ort").LibraryIn(store, "--ort"));
        var gpu = Assert.Throws<RuntimeException>(() => OrtSpec.Parse("1.31.0:gpu-linux", "--baseline-ort").LibraryIn(store, "--baseline-ort"));

        Assert.Equal(ErrorKind.Usage, cpu.Kind);
        Assert.Equal($"--ort 1.31.1: ONNX Runtime 1.31.1 (cpu, Microsoft.ML.OnnxRuntime) is not in the runtime cache {store.Directory}: run `effnet-bench runtimes add 1.31.1` first, or pass --ort-lib PATH", cpu.Message);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal($"--baseline-ort 1.31.0:gpu-linux: ONNX Runtime 1.31.0 (gpu-linux, Microsoft.ML.OnnxRuntime.Gpu.Linux) is not in the runtime cache {store.Directory}: run `effnet-bench runtimes add 1.31.0 --flavor gpu-linux` first, or pass --ort-lib PATH", gpu.Message);
        }
    }

    [Fact]
    public void The_runtime_cache_is_beside_the_model_cache()
    {
        string? Env(string name, string? cache) => name == ModelCache.EnvironmentVariable ? cache : name == "XDG_CACHE_HOME" ? "/xdg" : null;

        Assert.Equal(Path.GetFullPath("/given/runtimes"), RuntimeStore.ForPlatform("/given", n => Env(n, "/env")).Directory);
        Assert.Equal(Path.GetFullPath("/env/runtimes"), RuntimeStore.ForPlatform(null, n => Env(n, "/env")).Directory);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("/xdg/effnet-bench/runtimes", RuntimeStore.ForPlatform(null, n => Env(n, null)).Directory);
            Assert.Equal("/xdg/effnet-bench/models", ModelCache.ForPlatform(null, n => Env(n, null)).Directory);
        }
    }
}
