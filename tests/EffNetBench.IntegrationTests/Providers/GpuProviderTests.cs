using EffNetBench.Core.Providers;

namespace EffNetBench.IntegrationTests.Providers;

/// <summary>Real runs on each accelerator provider; they skip unless the loaded ONNX Runtime was built with it.</summary>
public sealed class GpuProviderTests
{
    [SkippableFact]
    public void Cuda_runs_the_probe_model() => AssertRuns(ExecutionProvider.Cuda, new ProviderSettings());

    [SkippableFact]
    public void TensorRt_runs_the_probe_model()
    {
        string cache = Directory.CreateTempSubdirectory("effnet-bench-trt-").FullName;
        try
        {
            AssertRuns(ExecutionProvider.TensorRt, new ProviderSettings(TensorRtFp16: true, TensorRtEngineCacheDir: cache));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [SkippableFact]
    public void OpenVino_runs_the_probe_model() => AssertRuns(ExecutionProvider.OpenVino, new ProviderSettings(OpenVinoDeviceType: "CPU"));

    private static void AssertRuns(ExecutionProvider provider, ProviderSettings settings)
    {
        Skip.IfNot(ProbeRunner.CompiledIn(provider),
            $"{ExecutionProviders.OrtName(provider)} is not compiled into the loaded ONNX Runtime (CPU build)");

        Assert.Null(ProbeRunner.Run(provider, null, settings));
        ProviderStatus status = ProviderProbe.Probe(provider, settings);
        Assert.True(status.Usable, status.Reason);
    }
}
