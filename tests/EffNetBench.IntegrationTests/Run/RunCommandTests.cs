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
    public void Quick_run_of_a_tiny_model_writes_a_complete_and_consistent_run_folder()
    {
        string model = _work.TinyModel("tiny");

        (int code, string output, string error) = _work.Run("--model", model);

        Assert.True(code == 0, error);
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        Assert.Equal(BenchmarkResults.CurrentSchema, results.Schema);
        Assert.Equal("quick", results.Settings.Preset);
        Assert.NotNull(results.Run.FinishedUtc);
        CaseResult c = Assert.Single(results.Cases);
        Assert.Equal("tiny-r32/cpu/b1/tdefault", c.Id);
        Assert.Equal(("tiny", ModelSource.File, model, 32), (c.Model.Name, c.Model.Source, c.Model.File, c.Model.Resolution));
        Assert.Equal(("cpu", 1, (int?)null), (c.Provider, c.Batch, c.Threads));
        RunAssert.ValidOk(c);
        Assert.Null(c.HarnessCheck); // only with --check-overhead

        // The quick preset's stopping rule, as recorded; a 0.1 ms model never reaches the time cap's sample limit.
        Assert.Equal((10, 0.05, 2.5), (c.Stopping!.MinSamples, c.Stopping.TargetRelativeCi99, c.Stopping.TimeCapS));
        Assert.InRange(c.SamplesMs!.Value.Length, 10, 2000);
        if (c.Stopping.StoppedBy == StopReason.Precision)
        {
            Assert.True(c.Stopping.PrecisionTargetMet, "stopped for precision without reaching it");
        }

        // FLOPs of the file, so achieved GFLOP/s = FLOPs x batch / median.
        long flops = Assert.NotNull(c.Model.Flops);
        Assert.Equal(flops / (c.LatencyMs!.Median * 1e6), Assert.NotNull(c.AchievedGflops), 1e-9 * c.AchievedGflops!.Value);

        // The crash-safe files: run.json from the start, the case's flushed line, and BenchmarkDotNet's own log.
        Assert.True(File.Exists(Path.Combine(_work.Out, ResultsStore.RunFileName)));
        string[] lines = File.ReadAllLines(Path.Combine(_work.Out, ResultsStore.CasesFileName));
        Assert.Contains("\"id\":\"tiny-r32/cpu/b1/tdefault\"", Assert.Single(lines));
        string log = Path.Combine(_work.Out, "bdn", "tiny-r32_cpu_b1_tdefault", "benchmarkdotnet.log");
        Assert.True(File.Exists(log), log);
        Assert.True(new FileInfo(log).Length > 0, log);

        // stdout: the summary table and where the results are; progress went to stderr.
        Assert.Contains("median ms", output);
        string row = Assert.Single(output.Split('\n'), line => line.StartsWith("tiny@32 ", StringComparison.Ordinal));
        Assert.Matches($@"^tiny@32 +cpu +1 +default .* {c.SamplesMs.Value.Length} .* ok\b", row);
        RunAssert.ResultsAndLeaderboardReported(_work.Out, output);
        Assert.Contains("[1/1] tiny-r32/cpu/b1/tdefault", error);
        Assert.Contains($"over {c.SamplesMs.Value.Length} inferences", error);
        Assert.DoesNotContain("effnet-bench:", error);
    }

    [Fact]
    public void Batches_and_threads_expand_into_one_measured_case_each()
    {
        string model = _work.TinyModel("dyn");

        (int code, _, string error) = _work.Run("--model", model, "--batch", "1,2", "--threads", "1,2");

        Assert.True(code == 0, error);
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        Assert.Equal(
            ["dyn-r32/cpu/b1/t1", "dyn-r32/cpu/b1/t2", "dyn-r32/cpu/b2/t1", "dyn-r32/cpu/b2/t2"],
            results.Cases.Select(c => c.Id));
        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2)], results.Cases.Select(c => (c.Batch, c.Threads!.Value)));
        Assert.All(results.Cases, RunAssert.ValidOk);
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(_work.Out, "bdn")).Length);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_work.Out, ResultsStore.CasesFileName)).Length);
    }

    [Fact]
    public void A_fixed_batch_model_asked_for_another_batch_is_skipped_with_the_reason()
    {
        string model = _work.TinyModel("fixed1", batch: 1);

        (int code, string output, string error) = _work.Run("--model", model, "--batch", "2");

        Assert.True(code == 0, error);
        CaseResult c = Assert.Single(ResultsStore.Load(_work.Out).Cases);
        Assert.Equal(("fixed1-r32/cpu/b2/tdefault", CaseStatus.Skipped, 2), (c.Id, c.Status, c.Batch));
        Assert.Contains("fixed at 1", c.Reason);
        Assert.Contains("--batch 1", c.Reason);
        Assert.Null(c.SamplesMs);
        Assert.Null(c.LatencyMs);
        Assert.Contains("skipped: ", output); // the reason itself may be shortened in the table
    }

    [SkippableFact]
    public void An_unavailable_provider_is_a_skipped_case_and_the_run_still_succeeds()
    {
        Skip.If(ProviderProbe.Probe(ExecutionProvider.Cuda, new ProviderSettings()).Usable, "CUDA is usable on this machine");
        string model = _work.TinyModel("tiny");

        (int code, string output, string error) = _work.Run("--model", model, "--providers", "cpu,cuda");

        Assert.True(code == 0, error);
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        Assert.Equal(["tiny-r32/cpu/b1/tdefault", "tiny-r32/cuda/b1/tdefault"], results.Cases.Select(c => c.Id));
        RunAssert.ValidOk(results.Cases[0]);
        CaseResult cuda = results.Cases[1];
        Assert.Equal(CaseStatus.Skipped, cuda.Status);
        Assert.StartsWith("CUDA unavailable: ", cuda.Reason);
        Assert.True(cuda.Reason!.Length > "CUDA unavailable: ".Length, cuda.Reason);
        Assert.Null(cuda.SamplesMs);
        Assert.False(Directory.Exists(Path.Combine(_work.Out, "bdn", "tiny-r32_cuda_b1_tdefault")));
        Assert.Contains("skipped: ", output);
    }

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
    public void Check_overhead_records_the_bare_loop_next_to_the_harness()
    {
        string model = _work.TinyModel("tiny");

        (int code, _, string error) = _work.Run("--model", model, "--check-overhead");

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
    }
}
