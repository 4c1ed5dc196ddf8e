using System.Collections.Immutable;
using System.Diagnostics;
using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Measures one case: cold start, memory, a pilot, then BenchmarkDotNet's measurement.</summary>
internal static class CaseRunner
{
    private static readonly TimeSpan PilotBudget = TimeSpan.FromSeconds(0.5);
    private const int PilotMaxRuns = 5;

    public static CaseResult Measure(PlannedCase planned, string modelPath, BenchmarkPreset preset, RunRequest request, string artifactsDirectory) =>
        Measure(planned, (options, deviceOutputs) => InferenceRunner.Create(modelPath, options, planned.Batch, deviceOutputs), preset, request, artifactsDirectory);

    /// <param name="open">Creates the case's session from the provider's options and device output memory (null on CPU).</param>
    public static CaseResult Measure(PlannedCase planned, Func<SessionOptions, OrtMemoryInfo?, InferenceRunner> open, BenchmarkPreset preset,
        RunRequest request, string artifactsDirectory)
    {
        bool gpu = planned.Provider is ExecutionProvider.Cuda or ExecutionProvider.TensorRt;
        ProcessMemory.TryResetPeak();
        long? rssBefore = ProcessMemory.CurrentRssBytes();

        using SessionOptions options = SessionFactory.CreateOptions(planned.Provider, planned.Threads, request.ProviderSettings);
        using OrtMemoryInfo? deviceOutputs = gpu
            ? new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, request.ProviderSettings.DeviceId, OrtMemType.Default)
            : null;
        InferenceRunner runner = open(options, deviceOutputs);
        bool handedOver = false;
        try
        {
            long? rssAfterSession = ProcessMemory.CurrentRssBytes();
            long start = Stopwatch.GetTimestamp();
            runner.Run();
            TimeSpan first = Stopwatch.GetElapsedTime(start);
            runner.VerifyOutputsFinite();

            (TimeSpan pilot, double managedPerInference) = Pilot(runner);
            HarnessCheck? check = null;
            double? cpuMsPerImage = null;
            Action<InferenceRunner> afterMeasurement = r =>
            {
                check = request.CheckOverhead ? BareLoop(r, preset, pilot) : null;
                cpuMsPerImage = CpuCost(r, pilot, planned.Batch);
            };

            // The serving scenarios need the single-stream figures, known only once BenchmarkDotNet returns: the session stays open for them.
            ScenarioPlan? scenarios = ScenariosFor(planned, request.Settings);
            handedOver = scenarios is null; // without scenarios BenchmarkDotNet's cleanup disposes the session from here on
            var noise = NoiseSampler.Start(); // the machine's other work during BenchmarkDotNet's span (its few warm-ups included)
            MeasuredLatencies measured = LatencyHarness.Measure(runner, preset, pilot, planned.Id, artifactsDirectory,
                request.BenchmarkDotNetLog, afterMeasurement, request.BenchmarkDotNetExports, keepOpen: scenarios is not null);
            NoiseInfo machineNoise = noise.Stop();
            long? rssAfterMeasurement = InferenceBenchmark.RssBeforeCleanup;
            GpuMemory? gpuAfter = gpu ? NvmlGpuMemory.Query(request.ProviderSettings.DeviceId) : null;

            var statistics = LatencyStatistics.From(measured.SamplesMs);
            bool precise = StoppingRule.PrecisionReached(measured.SamplesMs, measured.MinSamples, preset.TargetRelativeCi);
            double throughput = planned.Batch * 1000.0 / statistics.Mean;
            // The model's FLOPs over an end-to-end latency would credit preprocessing time to the network: not given.
            double? gflops = planned.Model.Flops is long flops && planned.EndToEndOf is null
                ? flops * (double)planned.Batch / (statistics.Median * 1e6)
                : null;
            var memory = new MemoryUsage(
                rssBefore,
                rssAfterSession,
                rssAfterMeasurement,
                ProcessMemory.PeakRssBytes(),
                rssAfterSession - rssBefore,
                managedPerInference,
                planned.WeightBytes,
                gpuAfter?.UsedBytes,
                gpu ? gpuAfter?.Reason : "not a GPU provider");
            ScenarioResults? serving = scenarios is null ? null : ScenarioRunner.Run(new SessionServingTarget(runner), scenarios,
                new SingleStreamFigures(statistics.Mean, statistics.Median, statistics.P99), preset.Serving, ServingClock.System,
                planned.Architecture is null && runner.FixedBatch
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the model's batch is fixed at {planned.Batch}: the sweep used it")
                    : null);
            return new CaseResult(planned.Id, CaseStatus.Ok, null, planned.Model, ExecutionProviders.Name(planned.Provider), planned.Batch,
                planned.Threads, LatencySummary.From(statistics), measured.SamplesMs, measured.WarmupCount,
                new StoppingInfo(measured.MinSamples, preset.TargetRelativeCi, preset.CaseBudget.TotalSeconds, precise, measured.StoppedBy),
                throughput, gflops, new ColdStart(runner.SessionCreateTime.TotalMilliseconds, first.TotalMilliseconds), memory)
            {
                HarnessCheck = check,
                Noise = machineNoise,
                CpuMsPerImage = cpuMsPerImage,
                Spin = request.Settings.Spin,
                Scenarios = serving,
            };
        }
        finally
        {
            if (!handedOver)
            {
                runner.Dispose();
            }
        }
    }

    /// <summary>The serving scenarios of a model-only case in its last launch (run once per case); null for none.</summary>
    internal static ScenarioPlan? ScenariosFor(PlannedCase planned, RunSettings settings) =>
        planned.EndToEndOf is null && planned.Launch == planned.LaunchCount ? ScenarioPlan.Of(settings) : null;

    /// <summary>A few steady-state inferences: the latency estimate for the stopping rule, and managed bytes per
    /// inference on the calling thread (where ONNX Runtime's managed API allocates).</summary>
    private static (TimeSpan Latency, double ManagedBytes) Pilot(InferenceRunner runner)
    {
        runner.Run(); // one more after the cold one, so the pilot sees the steady state
        double[] times = RunTimer.Time(runner, 1, PilotMaxRuns, PilotBudget);
        int count = times.Length;

        // Nothing but the measured call inside the allocation window.
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            runner.Run();
        }

        double managed = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)count;
        Array.Sort(times);
        return (TimeSpan.FromMilliseconds(times[count / 2]), managed);
    }

    /// <summary>The same session, right after the harness measured it, timed by a plain Stopwatch loop of as many
    /// inferences as the stopping rule allows: the reference the harness's figures must match.</summary>
    /// <summary>The single-stream CPU cost: process CPU time (all threads) per image over back-to-back inferences right
    /// after the timed samples, about half a second of them (5 to 200). Not over BenchmarkDotNet's span: its overhead
    /// and pilot stages burn CPU without inferences (B0 came out at 27-31 CPU ms per 6.5 ms image, over 4 of 2 cores).</summary>
    internal static double? CpuCost(InferenceRunner runner, TimeSpan pilot, int batch)
    {
        int count = (int)Math.Clamp(0.5 / Math.Max(pilot.TotalSeconds, 1e-6), 5, 200);
        TimeSpan before = Environment.CpuUsage.TotalTime;
        for (int i = 0; i < count; i++)
        {
            runner.Run();
        }

        TimeSpan used = Environment.CpuUsage.TotalTime - before;
        return used > TimeSpan.Zero ? used.TotalMilliseconds / (count * (double)batch) : null;
    }

    private static HarnessCheck BareLoop(InferenceRunner runner, BenchmarkPreset preset, TimeSpan pilot)
    {
        (_, int min, int max) = preset.LimitsFor(pilot);
        int count = Math.Clamp(100, min, max);
        var statistics = LatencyStatistics.From(RunTimer.Time(runner, count, count, TimeSpan.Zero));
        return new HarnessCheck(statistics.Median, statistics.P99, count);
    }
}
