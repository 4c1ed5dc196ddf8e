using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Results;

/// <summary>A small fixed run: one measured case and one skipped case.</summary>
internal static class SampleResults
{
    public static readonly DateTimeOffset Started = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
    public static readonly DateTimeOffset Finished = new(2025, 3, 14, 9, 31, 5, 250, TimeSpan.Zero);

    public static RunHeader Header(string outDir = "bench-results/run1") => new(
        new ToolInfo("effnet-bench", "0.1.0"),
        new RunInfo("20250314-092653", Started, null, "quick", "laptop"),
        new EnvironmentInfo(
            Os: "Ubuntu 24.04.1 LTS",
            Kernel: "6.8.0-45-generic",
            Cpu: "Intel(R) Core(TM) i7-1165G7 @ 2.80GHz",
            LogicalCores: 8,
            MemoryBytes: 16_710_127_616,
            Dotnet: "10.0.0",
            OnnxRuntime: "1.31.1",
            OnnxRuntimeLibrary: null,
            ProvidersAvailable: ["CPUExecutionProvider"],
            Gpus: [],
            Hostname: "bench-host"),
        new RunSettings(
            Variants: ["b0"],
            Models: [],
            Providers: ["cpu"],
            Batches: [1],
            Threads: [null, 2],
            Preset: "quick",
            Seed: 42,
            OutDir: outDir,
            Label: "laptop"));

    public static ModelInfo B0 { get; } = new("b0", ModelSource.Zoo, "b0.onnx", 224, 5_288_548, 385_814_752, 795_588_220);

    public static CaseResult Measured()
    {
        double[] samples = [1.5, 2.25, 1.75];
        return new CaseResult(
            Id: CaseId.For("b0", 224, "cpu", 1, 2),
            Status: CaseStatus.Ok,
            Reason: null,
            Model: B0,
            Provider: "cpu",
            Batch: 1,
            Threads: 2,
            LatencyMs: new LatencySummary(1.8333, 1.75, 2.15, 2.2, 2.24, 1.5, 2.25, 0.3819, 2.1882),
            SamplesMs: [.. samples],
            WarmupCount: 5,
            Stopping: new StoppingInfo(3, 0.5, 1.5, false, StopReason.MaxSamples),
            ThroughputIps: 545.5,
            AchievedGflops: 0.434,
            ColdStartMs: new ColdStart(120.5, 8.25),
            Memory: new MemoryUsage(100_000_000, 150_000_000, 151_000_000, 160_000_000, 50_000_000, 96.5, 21_070_160, null, "no GPU provider"));
    }

    public static CaseResult Skipped() =>
        CaseResult.Skipped(CaseId.For("b0", 224, "cuda", 1, null), B0, "cuda", 1, null, "CUDAExecutionProvider is not available");
}
