using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Benchmarking.Isolation;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking;

/// <summary>The engine's orchestration with a fake measurer: plan order, skips, failures, resume, progress, interruption
/// and the run folder, with no ONNX Runtime session or BenchmarkDotNet run.</summary>
public sealed class BenchmarkEngineTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeCaseMeasurer _fake = new();
    private readonly RecordingObserver _observer = new();
    private readonly List<RunRequest> _requests = [];
    private static readonly DateTimeOffset Started = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Started);

    public void Dispose() => _temp.Dispose();

    private string Out => _temp.File("out");

    private string CasesFile => Path.Combine(Out, ResultsStore.CasesFileName);

    [Fact]
    public void Cases_are_measured_in_plan_order_and_each_is_on_disk_before_the_next_starts()
    {
        string a = TinyModel("a"), b = TinyModel("b");
        var linesBefore = new List<int>();
        _fake.Behaviour = planned =>
        {
            linesBefore.Add(File.Exists(CasesFile) ? File.ReadAllLines(CasesFile).Length : 0);
            return FakeCaseMeasurer.Ok(planned);
        };

        RunOutcome outcome = Start(Settings([a, b], batches: [1, 2], threads: [1, 2]));

        string[] ids =
        [
            "a-r32/cpu/b1/t1", "a-r32/cpu/b1/t2", "a-r32/cpu/b2/t1", "a-r32/cpu/b2/t2",
            "b-r32/cpu/b1/t1", "b-r32/cpu/b1/t2", "b-r32/cpu/b2/t1", "b-r32/cpu/b2/t2",
        ];
        Assert.Equal(ids, _fake.Measured);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], linesBefore); // appended the moment each case finished
        Assert.Equal(ids, outcome.Cases.Select(c => c.Id));
        Assert.False(outcome.Interrupted);
        Assert.Equal(Out, outcome.Directory);

        // The progress: each case started then finished, 1-based of the cases this run measures.
        Assert.Equal(ids.Select((id, i) => $"start {i + 1}/8 {id}").Zip(ids.Select((id, i) => $"end {i + 1}/8 {id}")).SelectMany(p => new[] { p.First, p.Second }),
            _observer.Events);
        Assert.Empty(_observer.Notes);

        // Each case's own BenchmarkDotNet folder in the run folder, '/' made '_'.
        Assert.Equal(ids.Select(id => Path.Combine(Out, "bdn", id.Replace('/', '_'))), _fake.Calls.Select(c => c.Artifacts));
        Assert.All(_fake.Calls, c => Assert.Null(c.ModelCase));
    }

    [Fact]
    public void A_finished_run_leaves_run_json_one_line_per_case_and_results_json_in_plan_order()
    {
        RunSettings settings = Settings([TinyModel("tiny")], batches: [1, 2]);
        _fake.Behaviour = planned =>
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            return FakeCaseMeasurer.Ok(planned);
        };

        RunOutcome outcome = Start(settings);

        Assert.True(File.Exists(Path.Combine(Out, ResultsStore.RunFileName)));
        Assert.Equal(2, File.ReadAllLines(CasesFile).Length);
        BenchmarkResults results = ResultsStore.Load(Out);
        Assert.Equal(BenchmarkResults.CurrentSchema, results.Schema);
        Assert.Equal((Started, Started.AddSeconds(4)), (results.Run.StartedUtc, results.Run.FinishedUtc));
        Assert.StartsWith("20260102T030405Z-", results.Run.Id, StringComparison.Ordinal);
        Assert.Equal(("quick", "test-label"), (results.Run.Preset, results.Run.Label));
        Assert.Equal(settings.Models.ToArray(), results.Settings.Models.ToArray());
        Assert.Equal(FakeCaseMeasurer.OrtVersion, results.Environment.OnnxRuntime); // what the measurer says the runtime is
        Assert.Equal(["tiny-r32/cpu/b1/tdefault", "tiny-r32/cpu/b2/tdefault"], results.Cases.Select(c => c.Id));
        Assert.Equal(FakeCaseMeasurer.Samples.ToArray(), results.Cases[0].SamplesMs!.Value.ToArray());
        Assert.Equal(outcome.Results!.Cases.Select(c => c.Id), results.Cases.Select(c => c.Id));
        Assert.Same(settings, Assert.Single(_requests).Settings);
    }

    [Fact]
    public void An_unusable_provider_skips_its_cases_with_the_reason_and_is_probed_once()
    {
        _fake.Unusable[ExecutionProvider.Cuda] = "no CUDA device";

        RunOutcome outcome = Start(Settings([TinyModel("tiny")], providers: ["cpu", "cuda"], batches: [1, 2]));

        Assert.Equal(["tiny-r32/cpu/b1/tdefault", "tiny-r32/cpu/b2/tdefault"], _fake.Measured);
        Assert.Equal([ExecutionProvider.Cpu, ExecutionProvider.Cuda], _fake.Probed);
        CaseResult[] cuda = [.. outcome.Cases.Where(c => c.Provider == "cuda")];
        Assert.Equal(2, cuda.Length);
        Assert.All(cuda, c =>
        {
            Assert.Equal(CaseStatus.Skipped, c.Status);
            Assert.Equal("CUDA unavailable: no CUDA device", c.Reason);
            Assert.Null(c.SamplesMs);
        });
        Assert.False(outcome.Interrupted);
        Assert.Equal(4, ResultsStore.Load(Out).Cases.Length);
    }

    [Fact]
    public void A_case_the_plan_skips_is_recorded_with_the_reason_and_never_measured()
    {
        string fixedBatch = TinyModel("fixed1", batch: 1);

        RunOutcome outcome = Start(Settings([fixedBatch], batches: [1, 2]));

        Assert.Equal(["fixed1-r32/cpu/b1/tdefault"], _fake.Measured);
        CaseResult skipped = outcome.Cases[1];
        Assert.Equal(("fixed1-r32/cpu/b2/tdefault", CaseStatus.Skipped), (skipped.Id, skipped.Status));
        Assert.Contains("fixed at 1", skipped.Reason);
        Assert.Contains("--batch 1", skipped.Reason);
        Assert.Null(skipped.LatencyMs);
    }

    [Fact]
    public void A_case_that_throws_is_failed_with_the_first_line_and_the_run_goes_on()
    {
        _fake.Behaviour = planned => planned.Batch == 2
            ? throw new InvalidOperationException("inference failed during measurement\nstack details")
            : FakeCaseMeasurer.Ok(planned);

        RunOutcome outcome = Start(Settings([TinyModel("tiny")], batches: [1, 2, 4]));

        Assert.Equal(3, _fake.Calls.Count);
        Assert.False(outcome.Interrupted);
        Assert.Equal([CaseStatus.Ok, CaseStatus.Failed, CaseStatus.Ok], outcome.Cases.Select(c => c.Status));
        CaseResult failed = outcome.Cases[1];
        Assert.Equal("InvalidOperationException: inference failed during measurement", failed.Reason);
        Assert.Null(failed.SamplesMs);
        Assert.Equal([CaseStatus.Ok, CaseStatus.Failed, CaseStatus.Ok], ResultsStore.Load(Out).Cases.Select(c => c.Status));
        Assert.Equal(CaseStatus.Failed, _observer.Finished[1].Result.Status);
    }

    [Fact]
    public void End_to_end_cases_follow_their_model_case_get_it_and_record_the_image_when_not_measured()
    {
        string image = _temp.File("photo.png");
        File.WriteAllBytes(image, [1, 2, 3, 4, 5]);
        _fake.Behaviour = planned => planned.EndToEndOf is not null && planned.Threads == 2
            ? throw new EndToEndUnavailableException("DecodeImage is not here")
            : FakeCaseMeasurer.Ok(planned);

        RunOutcome outcome = Start(Settings([TinyModel("tiny")], providers: ["cpu", "cuda"], batches: [1, 2], threads: [1, 2]) with { EndToEndImage = image });

        // Batch 1 only, right after its model case; never on another provider than cpu (the plan skips it).
        Assert.Equal(
            [
                "tiny-r32/cpu/b1/t1", "tiny-r32/cpu/b1/t1/e2e", "tiny-r32/cpu/b1/t2", "tiny-r32/cpu/b1/t2/e2e",
                "tiny-r32/cpu/b2/t1", "tiny-r32/cpu/b2/t2",
                "tiny-r32/cuda/b1/t1", "tiny-r32/cuda/b1/t1/e2e", "tiny-r32/cuda/b1/t2", "tiny-r32/cuda/b1/t2/e2e",
                "tiny-r32/cuda/b2/t1", "tiny-r32/cuda/b2/t2",
            ],
            outcome.Cases.Select(c => c.Id));
        Assert.DoesNotContain(_fake.Measured, id => id.StartsWith("tiny-r32/cuda", StringComparison.Ordinal) && id.EndsWith("/e2e", StringComparison.Ordinal));

        // Measured with its finished model case at hand.
        var e2e = _fake.Calls.Single(c => c.Planned.Id == "tiny-r32/cpu/b1/t1/e2e");
        Assert.Equal("tiny-r32/cpu/b1/t1", e2e.ModelCase?.Id);
        Assert.Equal("tiny-r32/cpu/b1/t1", e2e.Planned.EndToEndOf);

        // Skipped by the platform (the measurer's EndToEndUnavailableException) or by the plan: the image is still recorded.
        string sha = EndToEndInfo.Sha256([1, 2, 3, 4, 5])!;
        CaseResult unavailable = outcome.Cases.Single(c => c.Id == "tiny-r32/cpu/b1/t2/e2e");
        Assert.Equal((CaseStatus.Skipped, "DecodeImage is not here"), (unavailable.Status, unavailable.Reason));
        CaseResult onGpu = outcome.Cases.Single(c => c.Id == "tiny-r32/cuda/b1/t1/e2e");
        Assert.Equal(CaseStatus.Skipped, onGpu.Status);
        Assert.Equal(RunPlanner.EndToEndSkip(ExecutionProvider.Cuda), onGpu.Reason);
        foreach (CaseResult c in new[] { unavailable, onGpu })
        {
            Assert.Equal(new EndToEndInfo(image, 5, null, null, c.Id[..^"/e2e".Length], null, null, null, null, sha), c.EndToEnd);
        }
    }

    [Fact]
    public void Cancelling_finishes_the_current_case_keeps_it_and_stops_without_results_json()
    {
        using var cancel = new CancellationTokenSource();
        _fake.Behaviour = planned =>
        {
            if (planned.Batch == 2)
            {
                cancel.Cancel(); // Ctrl-C while the second case is being measured
            }

            return FakeCaseMeasurer.Ok(planned);
        };

        RunOutcome outcome = Start(Settings([TinyModel("tiny")], batches: [1, 2, 4, 8]), cancel.Token);

        Assert.True(outcome.Interrupted);
        Assert.Null(outcome.Results);
        Assert.Equal(["tiny-r32/cpu/b1/tdefault", "tiny-r32/cpu/b2/tdefault"], _fake.Measured);
        Assert.Equal(["tiny-r32/cpu/b1/tdefault", "tiny-r32/cpu/b2/tdefault"], outcome.Cases.Select(c => c.Id));
        Assert.All(outcome.Cases, c => Assert.Equal(CaseStatus.Ok, c.Status));
        Assert.Equal(2, File.ReadAllLines(CasesFile).Length);
        Assert.False(File.Exists(Path.Combine(Out, ResultsStore.ResultsFileName)));
        Assert.Equal(2, _observer.Finished.Count);
    }

    [Fact]
    public void Resume_measures_only_unfinished_cases_with_the_recorded_settings_and_keeps_the_finished_ones()
    {
        RunSettings settings = Settings([TinyModel("a"), TinyModel("b")], batches: [1, 2]);
        using (var cancel = new CancellationTokenSource())
        {
            _fake.Behaviour = planned =>
            {
                cancel.Cancel();
                return FakeCaseMeasurer.Ok(planned, scale: 3); // the first run's figures, to tell them apart
            };
            Assert.True(Start(settings, cancel.Token).Interrupted);
        }

        byte[] firstRun = File.ReadAllBytes(CasesFile);
        var resumed = new FakeCaseMeasurer();
        var observer = new RecordingObserver();
        RunSettings? recorded = null;

        RunOutcome outcome = new BenchmarkEngine(_ => resumed).Resume(Out, s => new RunRequest(recorded = s, new ProviderSettings()), observer, CancellationToken.None);

        // From run.json, not from the caller.
        Assert.Equal((settings.Preset, settings.OutDir, settings.Label), (recorded!.Preset, recorded.OutDir, recorded.Label));
        Assert.Equal(settings.Models.ToArray(), recorded.Models.ToArray());
        Assert.Equal(settings.Batches.ToArray(), recorded.Batches.ToArray());
        Assert.Equal(["a-r32/cpu/b2/tdefault", "b-r32/cpu/b1/tdefault", "b-r32/cpu/b2/tdefault"], resumed.Measured);
        Assert.Equal(["resuming: 1 of 4 cases already finished"], observer.Notes);
        Assert.Equal([(1, 3), (2, 3), (3, 3)], observer.Started.Select(s => (s.Index, s.Total)));
        Assert.False(outcome.Interrupted);

        byte[] after = File.ReadAllBytes(CasesFile);
        Assert.Equal(firstRun, after[..firstRun.Length]); // the first run's line untouched, the others appended
        Assert.Equal(4, File.ReadAllLines(CasesFile).Length);
        BenchmarkResults results = ResultsStore.Load(Out);
        Assert.Equal(["a-r32/cpu/b1/tdefault", "a-r32/cpu/b2/tdefault", "b-r32/cpu/b1/tdefault", "b-r32/cpu/b2/tdefault"], results.Cases.Select(c => c.Id));
        Assert.Equal(FakeCaseMeasurer.Samples.Select(s => s * 3), results.Cases[0].SamplesMs!.Value.ToArray());
        Assert.Equal(FakeCaseMeasurer.Samples.ToArray(), results.Cases[1].SamplesMs!.Value.ToArray());
    }

    [Fact]
    public void Resume_measures_transient_failures_again_and_retry_failed_every_failed_case_a_later_line_superseding_the_earlier()
    {
        RunSettings settings = Settings([TinyModel("crash"), TinyModel("refused"), TinyModel("fine")]);
        _fake.Behaviour = planned => planned.Id switch
        {
            "crash-r32/cpu/b1/tdefault" => throw new CaseFailedException("worker killed by SIGABRT (exit code 134)", FailureKind.Transient),
            "refused-r32/cpu/b1/tdefault" => throw new InvalidOperationException("the provider refused it"),
            _ => FakeCaseMeasurer.Ok(planned),
        };
        RunOutcome first = Start(settings);
        CaseResult crashed = first.Cases[0], refused = first.Cases[1];
        Assert.Equal((CaseStatus.Failed, "worker killed by SIGABRT (exit code 134)", FailureKind.Transient), (crashed.Status, crashed.Reason, crashed.FailureKind));
        Assert.Equal((CaseStatus.Failed, "InvalidOperationException: the provider refused it", FailureKind.Deterministic), (refused.Status, refused.Reason, refused.FailureKind));
        Assert.Null(first.Cases[2].FailureKind);

        // --resume: the crash only (the refusal would happen again).
        var resumed = new FakeCaseMeasurer();
        var observer = new RecordingObserver();
        RunOutcome second = new BenchmarkEngine(_ => resumed).Resume(Out, s => new RunRequest(s, new ProviderSettings()), observer, CancellationToken.None);
        Assert.Equal(["crash-r32/cpu/b1/tdefault"], resumed.Measured);
        Assert.Equal(["resuming: 2 of 3 cases already finished, 1 failed to measure again"], observer.Notes);
        Assert.Equal([CaseStatus.Ok, CaseStatus.Failed, CaseStatus.Ok], second.Cases.Select(c => c.Status));
        Assert.Equal(4, File.ReadAllLines(CasesFile).Length); // appended, never rewritten
        BenchmarkResults results = ResultsStore.Load(Out);
        Assert.Equal(["crash-r32/cpu/b1/tdefault", "refused-r32/cpu/b1/tdefault", "fine-r32/cpu/b1/tdefault"], results.Cases.Select(c => c.Id));
        Assert.Equal(CaseStatus.Ok, results.Cases[0].Status);

        // --resume --retry-failed: every failed case.
        var retried = new FakeCaseMeasurer();
        new BenchmarkEngine(_ => retried).Resume(Out, s => new RunRequest(s, new ProviderSettings()), new RecordingObserver(), CancellationToken.None, retryFailed: true);
        Assert.Equal(["refused-r32/cpu/b1/tdefault"], retried.Measured);
        Assert.Equal([CaseStatus.Ok, CaseStatus.Ok, CaseStatus.Ok], ResultsStore.Load(Out).Cases.Select(c => c.Status));
        Assert.Equal(3, ResultsStore.Load(Out, allowIncomplete: true).Cases.Length);
    }

    [Fact]
    public void Resuming_a_finished_run_measures_nothing_and_keeps_its_cases()
    {
        Start(Settings([TinyModel("tiny")]));
        byte[] cases = File.ReadAllBytes(CasesFile);
        var resumed = new FakeCaseMeasurer();
        var observer = new RecordingObserver();

        RunOutcome outcome = new BenchmarkEngine(_ => resumed).Resume(Out, s => new RunRequest(s, new ProviderSettings()), observer, CancellationToken.None);

        Assert.Empty(resumed.Calls);
        Assert.Empty(resumed.Probed);
        Assert.Empty(observer.Started);
        Assert.Equal(["resuming: 1 of 1 cases already finished"], observer.Notes);
        Assert.Equal(cases, File.ReadAllBytes(CasesFile));
        Assert.Equal("tiny-r32/cpu/b1/tdefault", Assert.Single(outcome.Cases).Id);
        Assert.NotNull(outcome.Results);
    }

    [Fact]
    public void Resume_measures_an_end_to_end_case_against_its_restored_model_case()
    {
        string image = _temp.File("photo.png");
        File.WriteAllBytes(image, [9, 9, 9]);
        using (var cancel = new CancellationTokenSource())
        {
            _fake.Behaviour = planned =>
            {
                cancel.Cancel();
                return FakeCaseMeasurer.Ok(planned, scale: 2);
            };
            Start(Settings([TinyModel("tiny")]) with { EndToEndImage = image }, cancel.Token);
        }

        var resumed = new FakeCaseMeasurer();
        new BenchmarkEngine(_ => resumed).Resume(Out, s => new RunRequest(s, new ProviderSettings()), new RecordingObserver(), CancellationToken.None);

        var call = Assert.Single(resumed.Calls);
        Assert.Equal("tiny-r32/cpu/b1/tdefault/e2e", call.Planned.Id);
        Assert.Equal("tiny-r32/cpu/b1/tdefault", call.ModelCase?.Id);
        Assert.Equal(FakeCaseMeasurer.Samples.Select(s => s * 2), call.ModelCase!.SamplesMs!.Value.ToArray()); // the restored figures
    }

    [Fact]
    public void The_eta_appears_after_the_first_measured_case_and_each_remaining_case_is_capped_at_its_budget()
    {
        // The first two cases are skipped (no work done, no estimate yet); the third is measured in 2 s; the fourth is
        // 4096 times its work, far beyond the quick preset's cap of budget + warm-up + 5 s per case.
        _fake.Unusable[ExecutionProvider.Cuda] = "absent";
        _fake.Behaviour = planned =>
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            return FakeCaseMeasurer.Ok(planned);
        };

        Start(Settings([TinyModel("tiny")], providers: ["cuda", "cpu"], batches: [1, 4096]));

        Assert.Equal(["tiny-r32/cuda/b1/tdefault", "tiny-r32/cuda/b4096/tdefault", "tiny-r32/cpu/b1/tdefault", "tiny-r32/cpu/b4096/tdefault"],
            _observer.Started.Select(s => s.Id));
        Assert.Equal([null, null, null], _observer.Started.Take(3).Select(s => s.Eta));
        TimeSpan cap = BenchmarkPreset.Quick.CaseBudget + BenchmarkPreset.Quick.WarmupBudget + TimeSpan.FromSeconds(5);
        Assert.Equal(cap.TotalSeconds, _observer.Started[3].Eta!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void The_eta_is_the_time_per_unit_of_work_so_far_times_the_work_left()
    {
        // Four cases of equal work, measured in 1 s, 3 s, 2 s and 2 s; the third fails (no work done, its time counts).
        double[] seconds = [1, 3, 2, 2];
        int next = 0;
        _fake.Behaviour = planned =>
        {
            _clock.Advance(TimeSpan.FromSeconds(seconds[next++]));
            return planned.Threads == 3 ? throw new InvalidOperationException("out of memory") : FakeCaseMeasurer.Ok(planned);
        };

        Start(Settings([TinyModel("tiny")], threads: [1, 2, 3, 4]));

        // Before case 2: 1 s per case x 3 left; before 3: 4 s / 2 cases x 2 left; before 4: 6 s / 2 measured cases x 1 left.
        Assert.Null(_observer.Started[0].Eta);
        Assert.Equal([3.0, 4.0, 3.0], _observer.Started.Skip(1).Select(s => Math.Round(s.Eta!.Value.TotalSeconds, 6)));
    }

    [Fact]
    public void A_precision_that_cannot_run_here_is_a_skipped_case_with_the_reason_never_an_fp32_result()
    {
        _fake.Behaviour = planned => planned.Model.Precision == "int8"
            ? throw new Core.Quantization.PrecisionUnavailableException("int8 needs the model converter")
            : FakeCaseMeasurer.Ok(planned);

        RunOutcome outcome = Start(Settings([TinyModel("tiny")]) with { Precision = new PrecisionSettings(["fp32", "int8"], null, 100, "min-max", 99.999, 0) });

        Assert.Equal(["tiny-r32/cpu/b1/tdefault", "tiny-r32/int8/cpu/b1/tdefault"], outcome.Cases.Select(c => c.Id));
        Assert.Equal([CaseStatus.Ok, CaseStatus.Skipped], outcome.Cases.Select(c => c.Status));
        CaseResult skipped = ResultsStore.Load(Out).Cases[1];
        Assert.Equal((CaseStatus.Skipped, "int8 needs the model converter", "int8"), (skipped.Status, skipped.Reason, skipped.Model.Precision));
        Assert.Null(skipped.LatencyMs);
        Assert.Null(ResultsStore.Load(Out).Cases[0].Model.Precision);
    }

    private RunOutcome Start(RunSettings settings, CancellationToken cancel = default) =>
        new BenchmarkEngine(
            request =>
            {
                _requests.Add(request);
                return _fake;
            },
            _clock).Start(new RunRequest(settings, new ProviderSettings()), _observer, cancel);

    private RunSettings Settings(string[] models, string[]? providers = null, int[]? batches = null, int?[]? threads = null) =>
        new([], [.. models], [.. providers ?? ["cpu"]], [.. batches ?? [1]], [.. threads ?? [null]], "quick", 42, Out, "test-label");

    /// <summary>A tiny EfficientNet file (the planner reads its name, resolution, FLOPs and batch dimension).</summary>
    private string TinyModel(string name, int? batch = null)
    {
        string path = _temp.File(name + ".onnx");
        EfficientNetOnnx.Save(EfficientNetOnnx.Build(VariantSpec.Custom(0.25, 0.1, 32), new ExportOptions(Batch: batch)), path);
        return path;
    }
}
