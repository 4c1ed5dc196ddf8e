using System.Diagnostics;
using EffNetBench.Core.Providers;

namespace EffNetBench.IntegrationTests.Providers;

/// <summary>
/// What `providers` says about a GPU build's provider library, without a GPU build: stand-in provider libraries built
/// with cc whose DT_NEEDED entries are those of the Microsoft.ML.OnnxRuntime.Gpu.Linux 1.31.0 package's (recorded with
/// `readelf -d`: libonnxruntime_providers_cuda.so needs libcublasLt.so.13, libcublas.so.13, libcurand.so.10,
/// libcudart.so.13, libcuda.so.1 and the C/C++ runtime; libonnxruntime_providers_tensorrt.so needs libcublas.so.13,
/// libnvinfer.so.10, libnvonnxparser.so.10, libcudart.so.13, libcudnn.so.9 and the same runtime), linked against
/// stub libraries of those sonames that are then deleted, as they are missing on a machine without CUDA.
/// </summary>
public sealed class ProviderDependenciesTests : IDisposable
{
    private static readonly string[] CudaNeeds = ["libcublasLt.so.13", "libcublas.so.13", "libcurand.so.10", "libcudart.so.13", "libcuda.so.1"];
    private static readonly string[] TensorRtNeeds = ["libcublas.so.13", "libnvinfer.so.10", "libnvonnxparser.so.10", "libcudart.so.13", "libcudnn.so.9"];

    private readonly string _dir = Directory.CreateTempSubdirectory("effnet-bench-elf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public void The_dt_needed_entries_of_a_library_are_read_in_order()
    {
        string library = StandIn("libonnxruntime_providers_cuda.so", CudaNeeds);

        Assert.Equal(CudaNeeds, ElfDependencies.Needed(library));
    }

    [SkippableFact]
    public void The_bundled_onnx_runtime_needs_what_readelf_lists()
    {
        string bundled = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libonnxruntime.so");
        Skip.IfNot(File.Exists(bundled), "the linux-x64 library is bundled on linux-x64 only");

        // `readelf -d` of Microsoft.ML.OnnxRuntime 1.31.1's linux-x64 libonnxruntime.so.
        Assert.Equal(["libdl.so.2", "librt.so.1", "libpthread.so.0", "libstdc++.so.6", "libm.so.6", "libgcc_s.so.1", "libc.so.6", "ld-linux-x86-64.so.2"],
            ElfDependencies.Needed(bundled));
    }

    [Fact]
    public void A_file_that_is_not_elf_has_no_entries()
    {
        string text = Path.Combine(_dir, "libonnxruntime_providers_cuda.so");
        File.WriteAllText(text, "not an ELF file");

        Assert.Null(ElfDependencies.Needed(text));
        Assert.Null(ProviderDependencies.Missing(ExecutionProvider.Cuda, _dir, _ => false));
    }

    [SkippableFact]
    public void Cuda_names_the_cuda_major_and_the_libraries_that_do_not_load_first_one_first()
    {
        StandIn("libonnxruntime_providers_cuda.so", CudaNeeds);

        string? reason = ProviderDependencies.Missing(ExecutionProvider.Cuda, _dir);

        Assert.Equal("this CUDA build needs CUDA 13 and the NVIDIA driver: libonnxruntime_providers_cuda.so links libcublasLt.so.13, libcublas.so.13, "
            + "libcurand.so.10, libcudart.so.13, libcuda.so.1, which do not load here (first: libcublasLt.so.13); install CUDA 13 (libcublasLt.so.13) and "
            + "make it findable (ldconfig or LD_LIBRARY_PATH)", reason);
    }

    [SkippableFact]
    public void Tensorrt_names_cuda_tensorrt_and_cudnn_majors_and_only_what_is_missing()
    {
        StandIn("libonnxruntime_providers_tensorrt.so", TensorRtNeeds);

        // A machine with CUDA 13 but neither TensorRT nor cuDNN.
        string? reason = ProviderDependencies.Missing(ExecutionProvider.TensorRt, _dir, name => name is "libcublas.so.13" or "libcudart.so.13");

        Assert.Equal("this TensorRT build needs CUDA 13, TensorRT 10 and cuDNN 9: libonnxruntime_providers_tensorrt.so links libnvinfer.so.10, "
            + "libnvonnxparser.so.10, libcudnn.so.9, which do not load here (first: libnvinfer.so.10); install TensorRT 10 (libnvinfer.so.10) and "
            + "make it findable (ldconfig or LD_LIBRARY_PATH)", reason);
    }

    [SkippableFact]
    public void Nothing_is_said_when_every_dependency_loads_or_the_provider_library_is_absent()
    {
        StandIn("libonnxruntime_providers_cuda.so", CudaNeeds);

        Assert.Null(ProviderDependencies.Missing(ExecutionProvider.Cuda, _dir, _ => true));
        Assert.Null(ProviderDependencies.Missing(ExecutionProvider.TensorRt, _dir, _ => false));
        Assert.Null(ProviderDependencies.Missing(ExecutionProvider.Cpu, _dir, _ => false));
    }

    /// <summary>A provider library named <paramref name="name"/> in the test folder whose DT_NEEDED entries are exactly
    /// <paramref name="needs"/>: linked (without the C runtime) against stubs of those sonames, which are then deleted.</summary>
    private string StandIn(string name, string[] needs)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "ELF provider libraries are Linux's");
        string source = Path.Combine(_dir, "empty.c");
        File.WriteAllText(source, "int effnet_bench_stand_in(void) { return 0; }\n");
        string stubs = Path.Combine(_dir, "stubs");
        Directory.CreateDirectory(stubs);
        foreach (string soname in needs)
        {
            Cc("-shared", "-fPIC", "-nostdlib", $"-Wl,-soname,{soname}", "-o", Path.Combine(stubs, soname), source);
        }

        string library = Path.Combine(_dir, name);
        Cc(["-shared", "-fPIC", "-nostdlib", "-Wl,--no-as-needed", "-o", library, source, .. needs.Select(n => Path.Combine(stubs, n))]);
        Directory.Delete(stubs, recursive: true);
        return library;
    }

    private static void Cc(params string[] args)
    {
        try
        {
            using Process cc = Process.Start(new ProcessStartInfo("cc", args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            string error = cc.StandardError.ReadToEnd();
            cc.WaitForExit();
            Assert.True(cc.ExitCode == 0, $"cc {string.Join(' ', args)}: {error}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new SkipException("no C compiler (cc) to build the stand-in libraries");
        }
    }
}
