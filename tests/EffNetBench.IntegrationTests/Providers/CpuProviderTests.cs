using EffNetBench.Core.Providers;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.IntegrationTests.Providers;

public sealed class CpuProviderTests
{
    [Fact]
    public void Cpu_probe_is_usable()
    {
        ProviderStatus cpu = ProviderProbe.Probe(ExecutionProvider.Cpu, new ProviderSettings());

        Assert.Equal(new ProviderStatus(ExecutionProvider.Cpu, "CPUExecutionProvider", true, true, null), cpu);
    }

    [SkippableFact]
    public void Runtime_is_the_bundled_package_version_and_its_native_library_is_found()
    {
        LoadedOrt.SkipUnlessBundled();
        RuntimeInfo runtime = ProviderProbe.Runtime();

        Assert.StartsWith(LoadedOrt.PackageVersion, runtime.OrtVersion);
        Assert.Contains("CPUExecutionProvider", runtime.CompiledProviders);
        Assert.NotNull(runtime.LibraryPath);
        Assert.True(File.Exists(runtime.LibraryPath), runtime.LibraryPath);
        Assert.StartsWith("libonnxruntime", Path.GetFileName(runtime.LibraryPath));
        Assert.DoesNotContain("providers", Path.GetFileName(runtime.LibraryPath));
    }

    [Fact]
    public void Cpu_options_run_the_probe_model_with_the_requested_settings()
    {
        using (SessionOptions options = SessionFactory.CreateOptions(ExecutionProvider.Cpu, 2, new ProviderSettings()))
        {
            Assert.Equal(GraphOptimizationLevel.ORT_ENABLE_ALL, options.GraphOptimizationLevel);
            Assert.Equal(ExecutionMode.ORT_SEQUENTIAL, options.ExecutionMode);
            Assert.Equal(2, options.IntraOpNumThreads);
        }

        using (SessionOptions options = SessionFactory.CreateOptions(ExecutionProvider.Cpu, null, new ProviderSettings()))
        {
            // Null leaves ONNX Runtime's own default (0 = let ORT choose).
            Assert.Equal(0, options.IntraOpNumThreads);
        }

        Assert.Null(ProbeRunner.Run(ExecutionProvider.Cpu, 1, new ProviderSettings()));
        Assert.Null(ProbeRunner.Run(ExecutionProvider.Cpu, null, new ProviderSettings()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Non_positive_thread_counts_are_rejected(int threads) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionFactory.CreateOptions(ExecutionProvider.Cpu, threads, new ProviderSettings()));

    [Fact]
    public void Probe_of_all_providers_lists_each_once_in_order()
    {
        IReadOnlyList<ProviderStatus> all = ProviderProbe.Probe(new ProviderSettings());

        Assert.Equal(Enum.GetValues<ExecutionProvider>(), all.Select(s => s.Provider));
        Assert.All(all, s => Assert.Equal(s.Usable, s.Reason is null));
        Assert.All(all, s => Assert.DoesNotContain('\n', s.Reason ?? string.Empty));
        Assert.True(all[0].Usable);
    }
}
