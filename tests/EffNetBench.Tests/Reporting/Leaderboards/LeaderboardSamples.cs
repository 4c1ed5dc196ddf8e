using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Reporting.Leaderboards;

/// <summary>Runs built in code (no benchmark is run): machines, models and measured cases with round figures.</summary>
internal static class LeaderboardSamples
{
    public static readonly DateTimeOffset Started = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static EnvironmentInfo Machine(string cpu, int cores, string host, string ort = "1.31.1", params string[] gpus) => new(
        Os: "Debian GNU/Linux 12 (bookworm)",
        Kernel: "6.1.0",
        Cpu: cpu,
        LogicalCores: cores,
        MemoryBytes: 8L << 30,
        Dotnet: "10.0.0",
        OnnxRuntime: ort,
        OnnxRuntimeLibrary: null,
        ProvidersAvailable: ["CPUExecutionProvider"],
        Gpus: [.. gpus],
        Hostname: host);

    public static EnvironmentInfo Epyc { get; } = Machine("AMD EPYC", 2, "vm");

    public static ModelInfo ZooModel(string name, int resolution, long parameters, long macs, long flops) =>
        new(name, ModelSource.Zoo, name + ".onnx", resolution, parameters, macs, flops);

    public static ModelInfo FileModel(string name, int? resolution, long? flops) =>
        new(name, ModelSource.File, name + ".onnx", resolution, null, flops / 2, flops);

    public static ModelInfo B0 { get; } = ZooModel("b0", 224, 5_288_548, 385_814_752, 795_588_220);

    public static ModelInfo B1 { get; } = ZooModel("b1", 240, 7_794_184, 686_802_832, 1_413_011_672);

    public static ModelInfo B2 { get; } = ZooModel("b2", 260, 9_109_994, 993_561_872, 2_037_347_142);

    /// <summary>An ok case: p90 and p99 are median + 0.5 and + 1.5 ms, peak RSS in MiB.</summary>
    public static CaseResult Ok(ModelInfo model, double medianMs, double? throughput = null, string provider = "cpu", int batch = 1, int? threads = null, double peakRssMib = 200, bool precisionMet = true) => new(
        Id: CaseId.For(model.Name, model.Resolution, provider, batch, threads),
        Status: CaseStatus.Ok,
        Reason: null,
        Model: model,
        Provider: provider,
        Batch: batch,
        Threads: threads,
        LatencyMs: new LatencySummary(medianMs + 0.1, medianMs, medianMs + 0.5, medianMs + 1, medianMs + 1.5, medianMs - 0.2, medianMs + 2, 0.3, 0.05),
        SamplesMs: [medianMs],
        WarmupCount: 5,
        Stopping: new StoppingInfo(10, 0.01, 15, precisionMet, precisionMet ? StopReason.Precision : StopReason.TimeCap),
        ThroughputIps: throughput ?? 1000.0 * batch / medianMs,
        AchievedGflops: null,
        ColdStartMs: new ColdStart(100, 10),
        Memory: new MemoryUsage(null, null, null, (long)(peakRssMib * 1048576), null, null, null, null, "no GPU provider"));

    public static BenchmarkResults Run(string id, EnvironmentInfo environment, params CaseResult[] cases) => Run(id, environment, Started, cases);

    public static BenchmarkResults Run(string id, EnvironmentInfo environment, DateTimeOffset started, params CaseResult[] cases) => new(
        BenchmarkResults.CurrentSchema,
        new ToolInfo("effnet-bench", "0.1.0"),
        new RunInfo(id, started, started.AddMinutes(5), "default", null),
        environment,
        new RunSettings(["b0"], [], ["cpu"], [1], [null], "default", 42, "bench-results/" + id, null),
        [.. cases]);

    /// <summary>The snapshot example: three zoo models, a file model without accuracy, and a skipped GPU case.</summary>
    public static BenchmarkResults Example() => Run("20260105T100000Z-vm", Epyc,
        Ok(B0, 7.5, throughput: 132.5, peakRssMib: 200),
        Ok(B1, 13, throughput: 76.5, peakRssMib: 250),
        Ok(B2, 18, throughput: 55.25, peakRssMib: 300, precisionMet: false),
        Ok(FileModel("mynet", 224, 600_000_000), 5, throughput: 198, peakRssMib: 180),
        CaseResult.Skipped(CaseId.For("b0", 224, "cuda", 1, null), B0, "cuda", 1, null, "CUDAExecutionProvider is not available"));

    public static ImmutableArray<BenchmarkResults> One(BenchmarkResults run) => [run];
}
