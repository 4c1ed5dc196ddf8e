using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking;

/// <summary>`--launches N` and `ab`'s interleaving with the fake measurer: the schedule (round-robin, ABBA), one
/// results.jsonl line per launch, the merged case, a failed launch, and resume in the middle of the schedule.</summary>
public sealed class LaunchScheduleTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeCaseMeasurer _fake = new();
    private readonly RecordingObserver _observer = new();

    public void Dispose() => _temp.Dispose();

    private string Out => _temp.File("out");

    [Fact]
    public void Launches_are_round_robin_across_cases_and_each_is_one_line_of_results_jsonl()
    {
        string a = TinyModel("a"), b = TinyModel("b");
        int call = 0;
        _fake.Behaviour = planned => FakeCaseMeasurer.Ok(planned, scale: 1 + (0.01 * call++));

        RunOutcome outcome = Start(Settings([a, b], batches: [1, 2]) with { Launches = 3 });

        string[] cases = ["a-r32/cpu/b1/tdefault", "a-r32/cpu/b2/tdefault", "b-r32/cpu/b1/tdefault", "b-r32/cpu/b2/tdefault"];
        Assert.Equal([.. cases, .. cases, .. cases], _fake.Measured);
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3], _fake.Calls.Select(c => c.Planned.Launch));
        Assert.All(_fake.Calls, c => Assert.Equal(3, c.Planned.LaunchCount));
        Assert.Equal(Path.Combine(Out, "bdn", "a-r32_cpu_b1_tdefault_launch2"), _fake.Calls[4].Artifacts);
        Assert.Equal(12, File.ReadAllLines(Path.Combine(Out, ResultsStore.CasesFileName)).Length);

        // results.json: one merged entry per case, in plan order.
        BenchmarkResults results = ResultsStore.Load(Out);
        Assert.Equal(cases, results.Cases.Select(c => c.Id));
        Assert.Equal(cases, outcome.Cases.Select(c => c.Id));
    }

    [Fact]
    public void A_merged_case_pools_every_launch_in_launch_order_and_keeps_each_launch()
    {
        int call = 0;
        _fake.Behaviour = planned => FakeCaseMeasurer.Ok(planned, scale: ++call); // launch k's samples are k x the base samples

        CaseResult merged = Start(Settings([TinyModel("tiny")]) with { Launches = 3 }).Cases.Single();

        ImmutableArray<double> expected = [.. FakeCaseMeasurer.Samples, .. FakeCaseMeasurer.Samples.Select(s => s * 2), .. FakeCaseMeasurer.Samples.Select(s => s * 3)];
        Assert.Equal(expected.Length, merged.SamplesMs!.Value.Length);
        Assert.Equal(expected, merged.SamplesMs!.Value, (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(Core.Benchmarking.Statistics.LatencyStatistics.From(expected).Milliseconds, merged.LatencyMs);
        Assert.Equal(3, merged.Launches!.Value.Length);
        Assert.Equal([1, 2, 3], merged.Launches.Value.Select(l => l.Index));
        Assert.Equal([0, 1, 2], merged.Launches.Value.Select(l => l.Order));
        Assert.Equal(FakeCaseMeasurer.Samples.Select(s => s * 2), merged.Launches.Value[1].SamplesMs);
        Assert.Equal(3.0, merged.LaunchSpread!.Value, 9);
        Assert.True(merged.LaunchesDisagree); // 1x, 2x and 3x: far beyond each launch's own CI
        Assert.Equal(9, merged.WarmupCount);
        Assert.Equal(30, merged.Stopping!.MinSamples);

        // The file holds the same merged entry.
        CaseResult loaded = ResultsStore.Load(Out).Cases.Single();
        Assert.Equal(merged.SamplesMs.Value, loaded.SamplesMs!.Value, (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(3, loaded.Launches!.Value.Length);
    }

    [Fact]
    public void Launches_that_agree_are_not_flagged_and_one_launch_has_no_launches()
    {
        CaseResult two = Start(Settings([TinyModel("tiny")]) with { Launches = 2 }).Cases.Single();
        Assert.Equal(1.0, two.LaunchSpread!.Value, 9);
        Assert.False(two.LaunchesDisagree);

        CaseResult one = Start(Settings([TinyModel("one")]) with { Launches = 1, OutDir = _temp.File("out1") }).Cases.Single();
        Assert.Null(one.Launches);
        Assert.Null(one.LaunchSpread);
    }

    [Fact]
    public void A_failed_launch_fails_its_case_with_the_reason_and_its_later_launches_are_not_run()
    {
        string a = TinyModel("a"), b = TinyModel("b");
        _fake.Behaviour = planned => planned.Model.Name == "a" && planned.Launch == 2
            ? throw new InvalidOperationException("out of memory")
            : FakeCaseMeasurer.Ok(planned);

        RunOutcome outcome = Start(Settings([a, b]) with { Launches = 3 });

        Assert.Equal(["a-r32/cpu/b1/tdefault", "b-r32/cpu/b1/tdefault", "a-r32/cpu/b1/tdefault", "b-r32/cpu/b1/tdefault", "b-r32/cpu/b1/tdefault"], _fake.Measured);
        CaseResult failed = outcome.Cases[0];
        Assert.Equal(CaseStatus.Failed, failed.Status);
        Assert.Equal("launch 2 of 3: InvalidOperationException: out of memory", failed.Reason);
        Assert.Single(failed.Launches!.Value); // the launch that did finish is kept
        Assert.Equal(CaseStatus.Ok, outcome.Cases[1].Status);
        Assert.Equal(3, outcome.Cases[1].Launches!.Value.Length);
    }

    [Fact]
    public void Resume_continues_the_schedule_where_the_run_stopped()
    {
        string a = TinyModel("a"), b = TinyModel("b");
        using var cancel = new CancellationTokenSource();
        _fake.Behaviour = planned =>
        {
            if (_fake.Calls.Count == 3)
            {
                cancel.Cancel(); // stop after the third launch of the schedule
            }

            return FakeCaseMeasurer.Ok(planned);
        };

        RunOutcome interrupted = Start(Settings([a, b]) with { Launches = 3 }, cancel.Token);
        Assert.True(interrupted.Interrupted);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(Out, ResultsStore.CasesFileName)).Length);

        // `report` on the interrupted folder sees one entry per case, the launches on disk merged.
        BenchmarkResults partial = LaunchMerge.MergeRun(ResultsStore.Load(Out, allowIncomplete: true));
        Assert.Equal(["a-r32/cpu/b1/tdefault", "b-r32/cpu/b1/tdefault"], partial.Cases.Select(c => c.Id));
        Assert.Equal([2, 1], partial.Cases.Select(c => c.Launches?.Length ?? 1));
        Assert.Equal([2, 1], interrupted.Cases.Select(c => c.Launches?.Length ?? 1));

        // A killed run may also leave half a line: it is dropped and that launch is run again.
        File.AppendAllText(Path.Combine(Out, ResultsStore.CasesFileName), "{\"id\":\"b-r32");
        var resumed = new FakeCaseMeasurer();
        RunOutcome outcome = new BenchmarkEngine(_ => resumed).Resume(Out, s => new RunRequest(s, new ProviderSettings()), _observer, CancellationToken.None);

        Assert.Equal(["b-r32/cpu/b1/tdefault", "a-r32/cpu/b1/tdefault", "b-r32/cpu/b1/tdefault"], resumed.Measured);
        Assert.Equal([2, 3, 3], resumed.Calls.Select(c => c.Planned.Launch));
        Assert.Contains("resuming: 0 of 2 cases already finished, 3 of 6 launches", _observer.Notes);
        Assert.All(outcome.Cases, c => Assert.Equal([1, 2, 3], c.Launches!.Value.Select(l => l.Index)));
        Assert.All(outcome.Cases, c => Assert.Equal(30, c.SamplesMs!.Value.Length));
        Assert.Equal([0, 2, 4], outcome.Cases[0].Launches!.Value.Select(l => l.Order));
    }

    [Fact]
    public void An_ab_run_alternates_its_arms_in_abba_order_with_the_arm_in_ids_and_results()
    {
        string a = TinyModel("a"), b = TinyModel("b");
        RunSettings settings = Settings([]) with
        {
            Launches = 4,
            Ab = new AbSettings([a, "b0"], [b, "b0"], "/libs/base/libonnxruntime.so", null),
        };

        RunOutcome outcome = Start(settings);

        string[] abba =
        [
            "baseline/a-r32/cpu/b1/tdefault", "candidate/b-r32/cpu/b1/tdefault", "baseline/b0-r224/cpu/b1/tdefault", "candidate/b0-r224/cpu/b1/tdefault",
            "candidate/b-r32/cpu/b1/tdefault", "baseline/a-r32/cpu/b1/tdefault", "candidate/b0-r224/cpu/b1/tdefault", "baseline/b0-r224/cpu/b1/tdefault",
        ];
        Assert.Equal([.. abba, .. abba], _fake.Measured);
        Assert.All(_fake.Calls, c => Assert.Equal(c.Planned.Id.StartsWith("baseline/", StringComparison.Ordinal) ? "/libs/base/libonnxruntime.so" : null, c.Planned.OrtLibrary));
        Assert.Equal(["baseline", "candidate", "baseline", "candidate"], outcome.Cases.Select(c => c.Arm));
        Assert.Equal(["/libs/base/libonnxruntime.so", null, "/libs/base/libonnxruntime.so", null], outcome.Cases.Select(c => c.OrtLibrary));
        Assert.All(outcome.Cases, c => Assert.Equal(4, c.Launches!.Value.Length));
    }

    [Theory]
    [InlineData("quick", null, 1, 2)]
    [InlineData("default", null, 2, 2)]
    [InlineData("thorough", null, 3, 4)]
    [InlineData("quick", 5, 5, 5)]
    public void Presets_choose_the_default_launches_and_ab_takes_an_even_number_of_at_least_two(string preset, int? given, int run, int ab)
    {
        RunSettings settings = Settings([]) with { Preset = preset, Launches = given };
        Assert.Equal(run, BenchmarkPreset.LaunchesFor(settings));
        Assert.Equal(ab, BenchmarkPreset.LaunchesFor(settings with { Ab = new AbSettings(["b0"], ["b0"], null, null) }));
    }

    [Fact]
    public void Several_launches_split_the_case_budget_and_samples_of_the_preset()
    {
        BenchmarkPreset two = BenchmarkPreset.Default.PerLaunch(2);
        Assert.Equal((15, 2500, 7.5), (two.MinSamples, two.MaxSamples, two.CaseBudget.TotalSeconds));
        Assert.Equal((BenchmarkPreset.Default.WarmupCount, BenchmarkPreset.Default.TargetRelativeCi), (two.WarmupCount, two.TargetRelativeCi));
        Assert.Same(BenchmarkPreset.Quick, BenchmarkPreset.Quick.PerLaunch(1));
    }

    private RunOutcome Start(RunSettings settings, CancellationToken cancel = default) =>
        new BenchmarkEngine(_ => _fake).Start(new RunRequest(settings, new ProviderSettings()), _observer, cancel);

    private RunSettings Settings(string[] models, int[]? batches = null) =>
        new([], [.. models], ["cpu"], [.. batches ?? [1]], [null], "quick", 42, Out, "test-label");

    private string TinyModel(string name)
    {
        string path = _temp.File(name + ".onnx");
        EfficientNetOnnx.Save(EfficientNetOnnx.Build(VariantSpec.Custom(0.25, 0.1, 32), new ExportOptions(Batch: null)), path);
        return path;
    }
}
