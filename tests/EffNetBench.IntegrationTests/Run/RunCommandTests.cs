using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>`run` end to end on tiny models: the real engine, BenchmarkDotNet in-process, and the run folder it writes.</summary>
[Collection(RunCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void A_model_with_non_finite_output_is_a_failed_case_and_exit_code_1()
    {
        string model = _work.SqrtModel("sqrt");

        (int code, string output, string error) = _work.Run("--model", model);

        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.DoesNotContain("effnet-bench:", error); // a failed case is reported, not an error of the tool
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        CaseResult c = Assert.Single(results.Cases);
        Assert.Equal(("sqrt/cpu/b1/tdefault", CaseStatus.Failed), (c.Id, c.Status));
        Assert.Contains("non-finite", c.Reason);
        Assert.Contains("output 'y' holds NaN", c.Reason);
        Assert.Null(c.SamplesMs);
        Assert.Single(File.ReadAllLines(Path.Combine(_work.Out, ResultsStore.CasesFileName)));
        Assert.Contains("failed: ", output);
        RunAssert.ResultsAndLeaderboardReported(_work.Out, output);
    }

    [Fact]
    public void Check_overhead_records_the_bare_loop_next_to_the_harness_and_bdn_exports_writes_the_reports()
    {
        string model = _work.TinyModel("tiny");

        (int code, _, string error) = _work.Run("--model", model, "--check-overhead", "--bdn-exports");

        Assert.True(code == 0, error);
        CaseResult c = Assert.Single(ResultsStore.Load(_work.Out).Cases);
        RunAssert.ValidOk(c);
        HarnessCheck check = Assert.IsType<HarnessCheck>(c.HarnessCheck);
        Assert.True(check.BareLoopMedianMs > 0, $"bare-loop median {check.BareLoopMedianMs}");
        Assert.True(check.BareLoopP99Ms >= check.BareLoopMedianMs, $"{check}");

        // 100 inferences, or fewer when the stopping rule's limits for this latency allow fewer.
        Assert.InRange(check.BareLoopSamples, c.Stopping!.MinSamples, 100);

        // The same session timed two ways: the medians agree to well within an order of magnitude.
        double ratio = c.LatencyMs!.Median / check.BareLoopMedianMs;
        Assert.InRange(ratio, 0.1, 10);

        // --bdn-exports: BenchmarkDotNet's Markdown and JSON reports and its measurements, next to its log.
        string[] files = Directory.GetFiles(Path.Combine(_work.Out, "bdn", "tiny-r32_cpu_b1_tdefault"), "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("benchmarkdotnet.log", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("-report-github.md", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("-measurements.csv", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_measured_case_records_the_machine_noise_of_its_measured_span()
    {
        string model = _work.TinyModel("tiny");

        (int code, _, string error) = _work.Run("--model", model);

        Assert.True(code == 0, error);
        CaseResult c = Assert.Single(ResultsStore.Load(_work.Out).Cases);
        NoiseInfo noise = Assert.IsType<NoiseInfo>(c.Noise);
        double measured = c.SamplesMs!.Value.Sum() / 1000;
        Assert.True(noise.WallSeconds >= measured, $"span {noise.WallSeconds} s shorter than its {measured} s of inferences");
        Assert.InRange(noise.WallSeconds, 0.001, 600);
        Assert.Equal(Environment.ProcessorCount, noise.LogicalCores);
        Assert.InRange(noise.OwnCpuSeconds, 0, noise.WallSeconds * noise.LogicalCores + 0.1);
        if (OperatingSystem.IsLinux())
        {
            Assert.NotNull(noise.OtherCpuSeconds);
            Assert.InRange(noise.OtherCpuSeconds!.Value, 0, noise.WallSeconds * noise.LogicalCores + 0.1);
            Assert.InRange(noise.StealSeconds!.Value, 0, noise.WallSeconds * noise.LogicalCores + 0.1);
            Assert.InRange(noise.BusyShare!.Value, 0, 1);
            Assert.True(noise.LoadAverageStart >= 0 && noise.LoadAverageEnd >= 0, $"{noise}");
        }
    }
}
