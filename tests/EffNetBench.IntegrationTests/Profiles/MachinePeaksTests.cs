using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Isolation;
using EffNetBench.Core.Benchmarking.Peaks;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.IntegrationTests.Profiles;

/// <summary>One real measurement of this machine's peaks (plausibility only: the machine is shared and noisy).</summary>
public sealed class MachinePeaksTests
{
    [Fact]
    [Trait("Category", "Slow")] // a 1024^3 MatMul and 192 MiB streams, a dozen times each, plus a worker's start
    public void The_peaks_measured_in_a_worker_are_plausible_and_the_loop_agrees_with_onnx_runtime_within_a_broad_factor()
    {
        var settings = new RunSettings([], [], ["cpu"], [1], [null], "quick", 0, Directory.GetCurrentDirectory(), null);

        // The worker is the tool started again from its assembly, which a test host has loaded only once it is used.
        var launcher = WorkerLauncher.Resolve(Environment.ProcessPath, typeof(EffNetBench.Commands.Cli).Assembly.Location, null);

        MachinePeaks peaks = new ProcessCaseMeasurer(new RunRequest(settings, new ProviderSettings()), launcher).MeasurePeaks(ExecutionProvider.Cpu, null);

        Assert.Equal(("cpu", (int?)null), (peaks.Provider, peaks.Threads));
        Assert.False(string.IsNullOrWhiteSpace(peaks.OnnxRuntime));
        Assert.True(peaks.ComputeGflops > 0.5, $"compute {peaks.ComputeGflops} GFLOP/s");
        Assert.True(peaks.BandwidthGBps > 0.5, $"bandwidth {peaks.BandwidthGBps} GB/s");
        double loop = peaks.LoopBandwidthGBps!.Value;
        Assert.InRange(loop / peaks.BandwidthGBps, 0.1, 10);
        Assert.Contains("2*M*N*K", peaks.Method);
        Assert.Contains("best of 10", peaks.Method);
    }
}
