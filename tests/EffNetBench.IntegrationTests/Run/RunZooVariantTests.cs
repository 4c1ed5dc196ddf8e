using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>`run --variants b0` end to end: the real engine, the model generated into the given cache, BenchmarkDotNet
/// in-process, and the run folder and console output it leaves (B0, about 8 ms per inference).</summary>
[Collection(RunCollection.Name)]
public sealed class RunZooVariantTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact] // about 2-4 s here (generation included), so not marked Slow
    public void B0_is_generated_into_the_cache_dir_measured_and_written_as_a_complete_run_folder()
    {
        (int code, string output, string error) = _work.Run("--variants", "b0");

        Assert.True(code == 0, error);
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        Assert.Equal(BenchmarkResults.CurrentSchema, results.Schema);
        Assert.Equal("quick", results.Settings.Preset);
        Assert.NotNull(results.Run.FinishedUtc);
        CaseResult c = Assert.Single(results.Cases);
        Assert.Equal("b0-r224/cpu/b1/tdefault", c.Id);
        Assert.Equal(("cpu", 1, (int?)null), (c.Provider, c.Batch, c.Threads));
        RunAssert.ValidOk(c);
        Assert.Null(c.HarnessCheck); // only with --check-overhead
        Assert.Null(c.Profile); // only with --profile: no profiler session, no trace
        Assert.False(Directory.Exists(Path.Combine(_work.Out, CaseProfiler.FolderName)));
        Assert.Equal(("b0", ModelSource.Zoo, 224, 5_288_548L), (c.Model.Name, c.Model.Source, c.Model.Resolution, c.Model.Params!.Value));
        Assert.Equal(385_814_752, c.Model.Macs);

        // The quick preset's stopping rule, as recorded.
        Assert.Equal((10, 0.05, 2.5), (c.Stopping!.MinSamples, c.Stopping.TargetRelativeCi99, c.Stopping.TimeCapS));
        Assert.InRange(c.SamplesMs!.Value.Length, 10, 2000); // the minimum holds even where the time budget fits fewer
        if (c.Stopping.StoppedBy == StopReason.Precision)
        {
            Assert.True(c.Stopping.PrecisionTargetMet, "stopped for precision without reaching it");
        }

        // Achieved GFLOP/s = FLOPs x batch / median.
        long flops = Assert.NotNull(c.Model.Flops);
        Assert.Equal(flops / (c.LatencyMs!.Median * 1e6), Assert.NotNull(c.AchievedGflops), 1e-9 * c.AchievedGflops!.Value);

        // Generated once into --cache-dir, keyed by variant, resolution, batch, seed and tool version; the case records that file.
        string cached = new ModelCache(_work.Cache).PathFor(ArchitectureBuilder.Build(ZooCatalog.Find("b0").Spec), 1, ExportOptions.DefaultSeed);
        Assert.True(File.Exists(cached), cached);
        Assert.Single(Directory.GetFiles(_work.Cache, "*", SearchOption.AllDirectories));
        Assert.Equal(cached, c.Model.File);

        // The crash-safe files: run.json from the start, the case's flushed line, and BenchmarkDotNet's own log.
        Assert.True(File.Exists(Path.Combine(_work.Out, ResultsStore.RunFileName)));
        string[] lines = File.ReadAllLines(Path.Combine(_work.Out, ResultsStore.CasesFileName));
        Assert.Contains("\"id\":\"b0-r224/cpu/b1/tdefault\"", Assert.Single(lines));
        string log = Path.Combine(_work.Out, "bdn", "b0-r224_cpu_b1_tdefault", "benchmarkdotnet.log");
        Assert.True(File.Exists(log), log);
        Assert.True(new FileInfo(log).Length > 0, log);
        Assert.Equal([log], Directory.GetFiles(Path.Combine(_work.Out, "bdn"), "*", SearchOption.AllDirectories)); // no reports unless --bdn-exports

        // stdout: the summary table and where the results are; progress went to stderr.
        Assert.Contains("median ms", output);
        string row = Assert.Single(output.Split('\n'), line => line.StartsWith("b0@224 ", StringComparison.Ordinal));
        Assert.Matches($@"^b0@224 +cpu +1 +default .* {c.SamplesMs.Value.Length} .* ok\b", row);
        RunAssert.ResultsAndLeaderboardReported(_work.Out, output);
        Assert.Contains("[1/1] b0-r224/cpu/b1/tdefault", error);
        Assert.Contains($"over {c.SamplesMs.Value.Length} inferences", error);
        Assert.DoesNotContain("effnet-bench:", error);
    }
}
