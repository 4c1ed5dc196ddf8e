using System.Diagnostics;
using System.Text.Json.Nodes;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Cli;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>Through the CLI: a live run's folder is locked against a second tool process, --resume refuses a folder it
/// cannot continue comparably (exit 2, one line), and a run that measured nothing exits 1.</summary>
[Collection(RunCollection.Name)]
public sealed class RunFolderGuardCliTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void A_second_run_into_a_live_runs_folder_is_refused_and_a_killed_runs_folder_resumes()
    {
        // Two cases of a model of a few ms per inference: several seconds of measuring, the window for the second process.
        string model = _work.TinyModel("slow", width: 1.0, depth: 0.5, resolution: 160);
        string runJson = Path.Combine(_work.Out, ResultsStore.RunFileName);
        using (var first = ToolProcess.Start("run", "--model", model, "--batch", "1,2", "--providers", "cpu", "--preset", "quick",
                   "--out", _work.Out, "--cache-dir", _work.Cache))
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(runJson))
            {
                Assert.False(first.HasExited, $"the first run ended before writing run.json\n{first.Transcript}");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"no run.json after 60 s\n{first.Transcript}");
                Thread.Sleep(10);
            }

            using var resume = ToolProcess.Start("run", "--resume", _work.Out);
            using var again = ToolProcess.Start("run", "--model", model, "--providers", "cpu", "--out", _work.Out, "--cache-dir", _work.Cache);
            foreach (ToolProcess second in new[] { resume, again })
            {
                Assert.True(second.WaitForExit(TimeSpan.FromMinutes(1)), second.Transcript);
                Assert.True(second.ExitCode == 2, $"exit {second.ExitCode}\n{second.Transcript}");
                Assert.Contains($"stdout:\n\nstderr:\neffnet-bench: the run folder '{_work.Out}' is in use by another effnet-bench run (it holds {Path.Combine(_work.Out, RunFolderLock.FileName)}): wait for that run to end, or choose another folder with --out\n", second.Transcript, StringComparison.Ordinal);
            }

            // The refusals above were the lock's only if the first run was still alive after them.
            Assert.False(first.HasExited, $"the first run ended before the second processes were refused\n{first.Transcript}");
            first.Kill();
        }

        // The OS dropped the killed process's lock: the folder resumes.
        (int code, _, string error) = CliRunner.Run("run", "--resume", _work.Out);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Equal(["slow-r160/cpu/b1/tdefault", "slow-r160/cpu/b2/tdefault"], ResultsStore.Load(_work.Out).Cases.Select(c => c.Id));
    }

    [Fact]
    public void Resume_with_another_onnx_runtime_than_the_runs_is_a_one_line_usage_error()
    {
        string model = _work.TinyModel("tiny");
        (int code, _, string error) = _work.Run("--model", model);
        Assert.True(code == 0, error);
        File.Delete(Path.Combine(_work.Out, ResultsStore.ResultsFileName));
        string runJson = Path.Combine(_work.Out, ResultsStore.RunFileName);
        JsonNode run = JsonNode.Parse(File.ReadAllText(runJson))!;
        string loaded = run["environment"]!["onnxruntime"]!.GetValue<string>();
        run["environment"]!["onnxruntime"] = "1.30.0";
        File.WriteAllText(runJson, run.ToJsonString());

        (code, string output, error) = CliRunner.Run("run", "--resume", _work.Out);

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains($"cannot resume the run in '{_work.Out}': the run was measured with ONNX Runtime 1.30.0 (", error);
        Assert.Contains($"and this process loaded {loaded} (", error);
        Assert.False(File.Exists(Path.Combine(_work.Out, ResultsStore.ResultsFileName)));
    }

    [SkippableFact]
    public void A_run_whose_every_case_is_skipped_exits_1_saying_nothing_was_measured()
    {
        ProviderStatus cuda = ProviderProbe.Probe(ExecutionProvider.Cuda, new ProviderSettings());
        Skip.If(cuda.Usable, "CUDA works on this machine, so the cuda case would be measured");

        (int code, string output, string error) = _work.Run("--providers", "cuda", "--variants", "b0");

        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.Contains("effnet-bench: nothing was measured: of 1 cases, 1 skipped and 0 failed (first: b0-r224/cuda/b1/tdefault: CUDA unavailable: ", error);
        Assert.Contains("skipped", output);
        Assert.Equal(CaseStatus.Skipped, Assert.Single(ResultsStore.Load(_work.Out).Cases).Status); // the folder still says why
    }
}
