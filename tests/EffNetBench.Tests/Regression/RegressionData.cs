using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Regression;

/// <summary>Results built in code with seeded latencies, so verdicts are pinned without running a benchmark.</summary>
internal static class RegressionData
{
    public static readonly DateTimeOffset Day1 = new(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Normal latencies around <paramref name="median"/> (Box-Muller), with a spread relative to it.</summary>
    public static double[] Normal(int seed, int count, double median, double relativeSd = 0.02)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            values[i] = median * (1 + relativeSd * z);
        }

        return values;
    }

    public static double[] Scaled(double[] samples, double factor) => [.. samples.Select(s => s * factor)];

    public static CaseResult Case(string model, double[] samples, int? resolution = 224, string provider = "cpu", int batch = 1,
        int? threads = null, long? peakRss = 200_000_000)
    {
        var memory = new MemoryUsage(null, null, null, peakRss, null, null, null, null, "no GPU provider");
        return new CaseResult(CaseId.For(model, resolution, provider, batch, threads), CaseStatus.Ok, null,
            Model(model, resolution), provider, batch, threads, LatencySummary.From(LatencyStatistics.From(samples)),
            [.. samples], 3, null, null, null, null, memory);
    }

    public static CaseResult Failed(string model, string reason, int? resolution = 224) =>
        CaseResult.Failed(CaseId.For(model, resolution, "cpu", 1, null), Model(model, resolution), "cpu", 1, null, reason);

    public static BenchmarkResults Run(string id, DateTimeOffset started, IEnumerable<CaseResult> cases, string? label = null,
        string tool = "0.1.0", string onnxRuntime = "1.31.1", string cpu = "Test CPU @ 3.0GHz", int cores = 4)
    {
        var environment = new EnvironmentInfo("Linux", null, cpu, cores, 8L << 30, "10.0.0", onnxRuntime, null,
            ["CPUExecutionProvider"], [], "host-" + id);
        var settings = new RunSettings(["b0"], [], ["cpu"], [1], [null], "quick", 42, "bench-results/" + id, label);
        return new BenchmarkResults(BenchmarkResults.CurrentSchema, new ToolInfo("effnet-bench", tool),
            new RunInfo(id, started, started.AddMinutes(5), "quick", label), environment, settings, [.. cases]);
    }

    private static ModelInfo Model(string name, int? resolution) =>
        new(name, ModelSource.Zoo, null, resolution, 5_288_548, 385_814_752, 795_588_220);

    public static ImmutableArray<double> Samples(CaseResult result) => result.SamplesMs!.Value;
}
