using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Peaks;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking.Peaks;

/// <summary>A profiled run records its peaks in results.json (from the cache or measured, through the measurer); an
/// unprofiled run measures none; a failed measurement is a note, not a failed run.</summary>
public sealed class RunPeaksTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly PeakFake _fake = new();
    private readonly RecordingObserver _observer = new();

    public void Dispose() => _temp.Dispose();

    private RunOutcome Start(int? profile, int?[] threads, bool remeasure = false, string outName = "out")
    {
        string model = _temp.File("tiny.onnx");
        if (!File.Exists(model))
        {
            EfficientNetOnnx.Save(EfficientNetOnnx.Build(VariantSpec.Custom(0.25, 0.1, 32), new ExportOptions()), model);
        }

        var settings = new RunSettings([], [model], ["cpu"], [1], [.. threads], "quick", 42, _temp.File(outName), null) { ProfileInferences = profile };
        return new BenchmarkEngine(_ => _fake).Start(new RunRequest(settings, new ProviderSettings(), _temp.File("cache"), RemeasurePeaks: remeasure), _observer, CancellationToken.None);
    }

    [Fact]
    public void A_profiled_run_records_one_peaks_entry_per_thread_setting_and_the_next_run_reuses_them()
    {
        RunOutcome first = Start(profile: 5, threads: [null, 1]);
        RunOutcome second = Start(profile: 5, threads: [null, 1], outName: "out2");

        Assert.Equal([(ExecutionProvider.Cpu, (int?)null), (ExecutionProvider.Cpu, 1)], _fake.PeakCalls);
        BenchmarkResults onDisk = ResultsStore.Load(first.Directory);
        Assert.Equal([null, 1], onDisk.Peaks!.Value.Select(p => p.Threads));
        Assert.Equal(onDisk.Peaks, ResultsStore.Load(second.Directory).Peaks);
        Assert.Contains(_observer.Notes, n => n.StartsWith("machine peaks (cpu, threads default, measured now): compute 50.0 GFLOP/s, bandwidth 5.0 GB/s (plain loop 6.0 GB/s)", StringComparison.Ordinal));
        Assert.Contains(_observer.Notes, n => n.Contains("cached from", StringComparison.Ordinal));
        Assert.Equal(2, _observer.Notes.Count(n => n.StartsWith("measuring this machine's peaks", StringComparison.Ordinal)));
    }

    [Fact]
    public void Remeasure_measures_again_and_an_unprofiled_run_measures_nothing()
    {
        Start(profile: 5, threads: [null]);
        RunOutcome plain = Start(profile: null, threads: [null], outName: "plain");
        Start(profile: 5, threads: [null], remeasure: true, outName: "again");

        Assert.Equal(2, _fake.PeakCalls.Count);
        Assert.Null(ResultsStore.Load(plain.Directory).Peaks);
    }

    [Fact]
    public void A_failed_peak_measurement_is_a_note_and_the_run_completes()
    {
        _fake.PeakFailure = "the worker crashed";

        RunOutcome outcome = Start(profile: 5, threads: [null]);

        Assert.Null(ResultsStore.Load(outcome.Directory).Peaks);
        Assert.Equal(CaseStatus.Ok, Assert.Single(outcome.Cases).Status);
        Assert.Contains(_observer.Notes, n => n.Contains("machine peaks (cpu, threads default) not measured: the worker crashed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(6.0, null)]
    [InlineData(10.0, null)] // exactly 2x: still within
    [InlineData(10.1, "the plain loop streamed 10.1 GB/s and ONNX Runtime 5.0 GB/s, more than 2x apart")]
    [InlineData(2.4, "the plain loop streamed 2.4 GB/s and ONNX Runtime 5.0 GB/s, more than 2x apart")]
    public void The_loop_cross_check_flags_a_bandwidth_more_than_twice_off(double loop, string? problem)
    {
        var peaks = new MachinePeaks("cpu", "1.31.1", "x", null, 50, 5, loop, "fake", DateTimeOffset.UnixEpoch);

        string? found = RunPeaks.CrossCheckProblem(peaks);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(problem, found);
        }
    }

    private sealed class PeakFake : ICaseMeasurer, IPeakMeasurer
    {
        private readonly FakeCaseMeasurer _cases = new();

        public List<(ExecutionProvider, int?)> PeakCalls { get; } = [];

        public string? PeakFailure { get; set; }

        public RuntimeInfo Runtime() => _cases.Runtime();

        public ProviderStatus Probe(ExecutionProvider provider) => _cases.Probe(provider);

        public CaseResult Measure(PlannedCase planned, CaseResult? modelCase, string artifactsDirectory) => _cases.Measure(planned, modelCase, artifactsDirectory);

        public MachinePeaks MeasurePeaks(ExecutionProvider provider, int? threads)
        {
            PeakCalls.Add((provider, threads));
            return PeakFailure is string failure
                ? throw new InvalidOperationException(failure)
                : new MachinePeaks("cpu", FakeCaseMeasurer.OrtVersion, EnvironmentInfo.Capture("x", null, [], []).Cpu, threads, 50, 5, 6, "fake", DateTimeOffset.UnixEpoch);
        }
    }
}
