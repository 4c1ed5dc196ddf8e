using EffNetBench.Core.Benchmarking.Isolation;
using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Cli;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>Each case in a worker process of its own: a worker that crashes, is killed or hangs fails its case only,
/// with the reason, the run ends with exit 1, and --resume measures those cases again.</summary>
[Collection(RunCollection.Name)]
public sealed class RunIsolationTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [SkippableFact]
    [Trait("Category", "Slow")] // 4-8 s of worker processes: .ci/run runs the Slow category too
    public void A_crashing_a_killed_and_an_exiting_worker_fail_their_cases_only_and_resume_measures_them_again()
    {
        Skip.If(OperatingSystem.IsWindows(), "signals are Unix exits");
        string[] models = [_work.TinyModel("crashy"), _work.TinyModel("fine"), _work.TinyModel("killed"), _work.TinyModel("quits")];

        (int code, string transcript) = RunTool(new() { [WorkerFault.EnvironmentVariable] = "crashy=abort,killed=sigkill,quits=exit3" },
            "run", "--model", string.Join(',', models), "--providers", "cpu", "--preset", "quick", "--out", _work.Out, "--cache-dir", _work.Cache);

        Assert.True(code == 1, $"exit {code}\n{transcript}");
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        Assert.Equal(["crashy", "fine", "killed", "quits"], results.Cases.Select(c => c.Model.Name));
        CaseResult crashy = results.Cases[0], fine = results.Cases[1], killed = results.Cases[2], quits = results.Cases[3];
        Assert.Equal(CaseStatus.Ok, fine.Status);
        Assert.NotNull(fine.ColdStartMs?.ProcessToRuntime);
        foreach (CaseResult failed in new[] { crashy, killed, quits })
        {
            Assert.Equal((CaseStatus.Failed, FailureKind.Transient), (failed.Status, failed.FailureKind));
            Assert.Contains($"test fault: ", failed.Reason); // the last lines of the worker's stderr
            Assert.True(File.Exists(Path.Combine(_work.Out, "bdn", failed.Id.Replace('/', '_'), ProcessCaseMeasurer.RequestFileName)), "the request stays for a rerun by hand");
        }

        // .NET reports a child killed by signal N as 128 + N.
        Assert.StartsWith("worker killed by SIGABRT (exit code 134)", crashy.Reason, StringComparison.Ordinal);
        Assert.StartsWith("worker killed by SIGKILL (exit code 137); out of memory?", killed.Reason, StringComparison.Ordinal);
        Assert.StartsWith("worker exited with code 3 without a result", quits.Reason, StringComparison.Ordinal);

        // Without the fault, --resume measures the three again (in-process: the workers come from the test host's dotnet).
        (code, _, string error) = CliRunner.Run("run", "--resume", _work.Out);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("resuming: 1 of 4 cases already finished, 3 failed to measure again", error);
        BenchmarkResults resumed = ResultsStore.Load(_work.Out);
        Assert.Equal(results.Cases.Select(c => c.Id), resumed.Cases.Select(c => c.Id));
        Assert.All(resumed.Cases, c => Assert.Equal(CaseStatus.Ok, c.Status));
        Assert.Equal(fine.SamplesMs!.Value.ToArray(), resumed.Cases[1].SamplesMs!.Value.ToArray()); // kept, not measured again
        Assert.Equal(7, File.ReadAllLines(Path.Combine(_work.Out, ResultsStore.CasesFileName)).Length);
    }

    [Fact]
    [Trait("Category", "Slow")] // 4-8 s of worker processes: .ci/run runs the Slow category too
    public void A_hanging_worker_is_killed_at_the_case_timeout_and_resume_measures_the_case()
    {
        string model = _work.TinyModel("stuck");

        (int code, string transcript) = RunTool(new() { [WorkerFault.EnvironmentVariable] = "hang" },
            "run", "--model", model, "--providers", "cpu", "--preset", "quick", "--out", _work.Out, "--cache-dir", _work.Cache, "--case-timeout", "4");

        Assert.True(code == 1, $"exit {code}\n{transcript}");
        CaseResult stuck = Assert.Single(ResultsStore.Load(_work.Out).Cases);
        Assert.Equal((CaseStatus.Failed, FailureKind.Transient), (stuck.Status, stuck.FailureKind));
        Assert.StartsWith("timed out after 4 s (the worker was killed)", stuck.Reason, StringComparison.Ordinal);

        (code, _, string error) = CliRunner.Run("run", "--resume", _work.Out);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Equal(CaseStatus.Ok, Assert.Single(ResultsStore.Load(_work.Out).Cases).Status);
    }

    [Fact]
    public void A_case_the_model_refuses_is_deterministic_and_measured_again_only_with_retry_failed()
    {
        string sqrt = _work.SqrtModel("nan");

        (int code, _, string error) = _work.Run("--model", sqrt);

        Assert.True(code == 1, $"exit {code}: {error}");
        CaseResult failed = Assert.Single(ResultsStore.Load(_work.Out).Cases);
        Assert.Equal((CaseStatus.Failed, FailureKind.Deterministic), (failed.Status, failed.FailureKind));
        Assert.StartsWith("NonFiniteOutputException", failed.Reason, StringComparison.Ordinal);

        (code, _, error) = CliRunner.Run("run", "--resume", _work.Out);
        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.Contains("resuming: 1 of 1 cases already finished", error);
        Assert.Single(File.ReadAllLines(Path.Combine(_work.Out, ResultsStore.CasesFileName)));

        (code, _, error) = CliRunner.Run("run", "--resume", _work.Out, "--retry-failed");
        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.Contains("1 failed to measure again", error);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_work.Out, ResultsStore.CasesFileName)).Length);
        Assert.Single(ResultsStore.Load(_work.Out).Cases);
    }

    [Fact]
    [Trait("Category", "Slow")] // 4-8 s of worker processes: .ci/run runs the Slow category too
    public void A_cases_memory_is_its_own_whatever_ran_before_it()
    {
        string big = _work.TinyModel("big", width: 0.5, depth: 0.3, resolution: 64);
        string small = _work.TinyModel("small");
        string alone = Path.Combine(_work.Root, "alone"), after = Path.Combine(_work.Root, "after");

        Assert.Equal(0, _work.Run("--model", big, "--out", alone).ExitCode);
        Assert.Equal(0, _work.Run("--model", $"{small},{big}", "--out", after).ExitCode);

        MemoryUsage first = ResultsStore.Load(alone).Cases.Single().Memory!, second = ResultsStore.Load(after).Cases.Single(c => c.Model.Name == "big").Memory!;
        // Within 10 %: a tiny model's figures are mostly the runtime's own (about 100 MB) and move by a few MB with the
        // machine's load; measured in one process, the session delta after another case was a third of its value alone.
        // (B2 alone and after B1 agree within 5 %: README.)
        Assert.InRange((double)second.PeakRssBytes!.Value / first.PeakRssBytes!.Value, 0.9, 1.1);
        Assert.InRange((double)second.SessionRssDeltaBytes!.Value / first.SessionRssDeltaBytes!.Value, 0.9, 1.1);
    }

    private static (int Code, string Transcript) RunTool(Dictionary<string, string?> environment, params string[] args)
    {
        using var tool = ToolProcess.Start(environment, args);
        Assert.True(tool.WaitForExit(RunTimeout), $"the run did not end\n{tool.Transcript}");
        return (tool.ExitCode, tool.Transcript);
    }
}
