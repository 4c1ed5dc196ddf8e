using EffNetBench.Core.Providers;

namespace EffNetBench.IntegrationTests.Providers;

/// <summary>Asking for an accelerator the loaded build lacks must fail loudly, never hand back CPU options (the tests that
/// need a missing provider skip on a build that has it).</summary>
public sealed class FallbackGuardTests
{
    [SkippableTheory]
    [InlineData(ExecutionProvider.Cuda, "Microsoft.ML.OnnxRuntime.Gpu.Linux")]
    [InlineData(ExecutionProvider.TensorRt, "Microsoft.ML.OnnxRuntime.Gpu.Linux")]
    [InlineData(ExecutionProvider.OpenVino, "OpenVINO build")]
    public void Options_for_a_missing_provider_throw_with_the_fix(ExecutionProvider provider, string fix)
    {
        Skip.If(ProbeRunner.CompiledIn(provider), $"{ExecutionProviders.OrtName(provider)} is compiled into the loaded ONNX Runtime: nothing is missing");

        var e = Assert.Throws<ProviderUnavailableException>(() => SessionFactory.CreateOptions(provider, null, new ProviderSettings()));

        Assert.Equal(provider, e.Provider);
        Assert.StartsWith($"{ExecutionProviders.DisplayName(provider)} ({ExecutionProviders.OrtName(provider)}) is not usable: not compiled into this ONNX Runtime build", e.Message);
        Assert.Contains(fix, e.Message);
        Assert.Contains("--ort-lib", e.Message);
        Assert.Contains(OrtLibrary.EnvironmentVariable, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [SkippableFact]
    public void Probe_reports_cuda_as_not_usable_with_a_reason()
    {
        Skip.If(ProbeRunner.CompiledIn(ExecutionProvider.Cuda), "CUDAExecutionProvider is compiled into the loaded ONNX Runtime");
        RuntimeInfo runtime = ProviderProbe.Runtime();
        ProviderStatus cuda = ProviderProbe.Probe(ExecutionProvider.Cuda, new ProviderSettings());

        Assert.Equal("CUDAExecutionProvider", cuda.OrtName);
        Assert.False(cuda.CompiledIn);
        Assert.False(cuda.Usable);
        Assert.NotNull(cuda.Reason);
        Assert.StartsWith($"not compiled into this ONNX Runtime build ({runtime.OrtVersion} has {string.Join(", ", runtime.CompiledProviders)}); use a GPU build (Microsoft.ML.OnnxRuntime.Gpu.Linux) via --ort VERSION:gpu (after 'effnet-bench runtimes add VERSION --flavor gpu'), --ort-lib PATH or EFFNET_BENCH_ORT_LIB", cuda.Reason);
    }

    [Fact]
    public void Provider_options_carry_the_settings()
    {
        var settings = new ProviderSettings(DeviceId: 1, TensorRtFp16: true, OpenVinoDeviceType: "GPU", CudaGraph: true);

        Assert.Equal(new Dictionary<string, string> { ["device_id"] = "1", ["enable_cuda_graph"] = "1" }, SessionFactory.CudaOptions(settings));
        Assert.Equal(
            new Dictionary<string, string> { ["device_id"] = "1", ["trt_fp16_enable"] = "1", ["trt_engine_cache_enable"] = "0" },
            SessionFactory.TensorRtOptions(settings));
        Assert.Equal(new Dictionary<string, string> { ["device_type"] = "GPU" }, SessionFactory.OpenVinoOptions(settings));
        Assert.Empty(SessionFactory.OpenVinoOptions(new ProviderSettings()));
    }

    [Fact]
    public void TensorRt_engine_cache_is_enabled_with_an_absolute_existing_directory()
    {
        string root = Directory.CreateTempSubdirectory("effnet-bench-trt-").FullName;
        try
        {
            string cache = Path.Combine(root, "engines");
            Dictionary<string, string> options = SessionFactory.TensorRtOptions(new ProviderSettings(TensorRtEngineCacheDir: cache));

            Assert.Equal("1", options["trt_engine_cache_enable"]);
            Assert.Equal(cache, options["trt_engine_cache_path"]);
            Assert.True(Directory.Exists(cache));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
