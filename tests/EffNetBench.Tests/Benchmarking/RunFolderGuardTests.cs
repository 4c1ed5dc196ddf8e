using System.Text.Json.Nodes;
using EffNetBench.Core;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking;

/// <summary>What keeps a run folder one run's: the lock a live run holds, --resume's refusals (cases of another run,
/// another tool, runtime or machine), and a run that measured nothing saying so.</summary>
public sealed class RunFolderGuardTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Out => _temp.File("out");

    private string CasesFile => Path.Combine(Out, ResultsStore.CasesFileName);

    [Fact]
    public void A_folder_a_live_run_holds_is_refused_to_a_new_run_and_to_resume_and_released_when_the_run_ends()
    {
        RunSettings settings = Settings([TinyModel("a"), TinyModel("b")]);
        using (RunFolderLock? held = RunFolderLock.Acquire(Out, create: true))
        {
            Assert.NotNull(held);
            var e = Assert.Throws<ResultsStoreException>(() => Start(settings));
            Assert.Equal(ErrorKind.Usage, e.Kind);
            Assert.Equal($"the run folder '{Out}' is in use by another effnet-bench run (it holds {Path.Combine(Out, RunFolderLock.FileName)}): wait for that run to end, or choose another folder with --out", e.Message);
            Assert.False(File.Exists(Path.Combine(Out, ResultsStore.RunFileName)));
        }

        Directory.Delete(Out, recursive: true);

        Interrupt(settings); // starts, measures one case, stops: the lock is released with the run
        byte[] cases = File.ReadAllBytes(CasesFile);
        using (RunFolderLock.Acquire(Out, create: false))
        {
            var e = Assert.Throws<ResultsStoreException>(() => Resume(new FakeCaseMeasurer()));
            Assert.Equal(ErrorKind.Usage, e.Kind);
            Assert.Contains("is in use by another effnet-bench run", e.Message);
        }

        Assert.Equal(cases, File.ReadAllBytes(CasesFile));
        Assert.False(Resume(new FakeCaseMeasurer()).Interrupted);
        using RunFolderLock? free = RunFolderLock.Acquire(Out, create: false);
        Assert.NotNull(free);
    }

    [Fact]
    public void The_lock_of_a_missing_folder_a_folder_without_run_json_or_a_file_is_left_to_the_stores_own_checks()
    {
        Assert.Null(RunFolderLock.Acquire(_temp.File("missing"), create: false));
        Assert.False(Directory.Exists(_temp.File("missing")));
        Assert.Null(RunFolderLock.Acquire(_temp.Path, create: false));
        Assert.False(File.Exists(_temp.File(RunFolderLock.FileName)));
        File.WriteAllText(_temp.File("file"), "x");
        Assert.Null(RunFolderLock.Acquire(_temp.File("file"), create: true));
    }

    public static TheoryData<string, string, string> RunJsonEdits() => new()
    {
        { "tool.version", "0.0.1", "the run was measured by effnet-bench 0.0.1 and this is " + ToolInfo.Current.Version },
        { "environment.onnxruntime", "1.30.0", "the run was measured with ONNX Runtime 1.30.0 (/fake/libonnxruntime.so) and this process loaded 0.0.0-fake (/fake/libonnxruntime.so): give --ort-lib the run's library" },
        { "environment.cpu", "Other CPU @ 1.0GHz", "the run was measured on a Other CPU @ 1.0GHz and this machine has a " },
        { "environment.logical_cores", "999", $"the run was measured with 999 logical cores and this machine has {Environment.ProcessorCount}" },
    };

    [Theory]
    [MemberData(nameof(RunJsonEdits))]
    public void Resume_is_refused_when_the_tool_runtime_or_machine_differs_and_the_folder_is_left_as_it_was(string field, string value, string expected)
    {
        Interrupt(Settings([TinyModel("a"), TinyModel("b")]));
        EditRunJson(field, value);
        byte[] cases = File.ReadAllBytes(CasesFile);
        var resumed = new FakeCaseMeasurer();

        var e = Assert.Throws<ResultsStoreException>(() => Resume(resumed));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.StartsWith($"cannot resume the run in '{Out}': {expected}", e.Message);
        Assert.EndsWith("; its cases would not be comparable, so start a new run with --out", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(resumed.Calls);
        Assert.Equal(cases, File.ReadAllBytes(CasesFile));
        Assert.False(File.Exists(Path.Combine(Out, ResultsStore.ResultsFileName)));
    }

    [Fact]
    public void Resume_is_refused_when_another_build_of_the_same_version_is_loaded()
    {
        Interrupt(Settings([TinyModel("a"), TinyModel("b")]));
        EditRunJson("environment.providers_available", null);

        var e = Assert.Throws<ResultsStoreException>(() => Resume(new FakeCaseMeasurer()));

        Assert.Contains("the run's ONNX Runtime 0.0.0-fake build (/fake/libonnxruntime.so) has CPUExecutionProvider and the one loaded here (/fake/libonnxruntime.so) has CPUExecutionProvider, CUDAExecutionProvider", e.Message);
    }

    [Fact]
    public void The_hostname_and_the_library_path_may_differ()
    {
        Interrupt(Settings([TinyModel("a"), TinyModel("b")]));
        EditRunJson("environment.hostname", "another-container");
        EditRunJson("environment.onnxruntime_library", "/old/install/libonnxruntime.so");

        Assert.False(Resume(new FakeCaseMeasurer()).Interrupted);
    }

    [Fact]
    public void Resume_is_refused_when_results_jsonl_holds_a_case_the_run_did_not_plan()
    {
        Interrupt(Settings([TinyModel("a"), TinyModel("b")]));
        string line = File.ReadAllLines(CasesFile)[0];
        File.AppendAllText(CasesFile, line.Replace("\"id\":\"a-r32/cpu/b1/tdefault\"", "\"id\":\"z-r32/cpu/b1/tdefault\"", StringComparison.Ordinal) + "\n");
        byte[] cases = File.ReadAllBytes(CasesFile);
        var resumed = new FakeCaseMeasurer();

        var e = Assert.Throws<ResultsStoreException>(() => Resume(resumed));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"cannot resume the run in '{Out}': its results.jsonl holds case 'z-r32/cpu/b1/tdefault', which is not in the run's plan (run.json's settings), so the folder mixes in results of another run; remove that line or start a new run with --out", e.Message);
        Assert.Empty(resumed.Calls);
        Assert.Equal(cases, File.ReadAllBytes(CasesFile));
    }

    [Fact]
    public void A_run_whose_every_case_is_skipped_says_nothing_was_measured()
    {
        var fake = new FakeCaseMeasurer();
        fake.Unusable[ExecutionProvider.Cuda] = "no CUDA device";

        RunOutcome outcome = Start(Settings([TinyModel("a"), TinyModel("b")], providers: ["cuda"]), fake);

        Assert.Equal("nothing was measured: of 2 cases, 2 skipped and 0 failed (first: a-r32/cuda/b1/tdefault: CUDA unavailable: no CUDA device)", outcome.NothingMeasured);
    }

    [Fact]
    public void A_run_with_one_measured_case_or_none_planned_is_told_apart()
    {
        Assert.Null(Start(Settings([TinyModel("a")])).NothingMeasured);
        Assert.Equal("nothing was measured: the run planned no case", new RunOutcome(Out, null, [], Interrupted: false).NothingMeasured);
        Assert.Equal("nothing was measured: the run was interrupted before its first case", new RunOutcome(Out, null, [], Interrupted: true).NothingMeasured);
    }

    private RunOutcome Start(RunSettings settings, FakeCaseMeasurer? fake = null, CancellationToken cancel = default) =>
        new BenchmarkEngine(_ => fake ?? new FakeCaseMeasurer()).Start(new RunRequest(settings, new ProviderSettings()), new RecordingObserver(), cancel);

    private RunOutcome Resume(FakeCaseMeasurer fake) =>
        new BenchmarkEngine(_ => fake).Resume(Out, s => new RunRequest(s, new ProviderSettings()), new RecordingObserver(), CancellationToken.None);

    /// <summary>Starts the run and interrupts it after its first case, as Ctrl-C would.</summary>
    private void Interrupt(RunSettings settings)
    {
        using var cancel = new CancellationTokenSource();
        var fake = new FakeCaseMeasurer
        {
            Behaviour = planned =>
            {
                cancel.Cancel();
                return FakeCaseMeasurer.Ok(planned);
            },
        };
        Assert.True(Start(settings, fake, cancel.Token).Interrupted);
    }

    /// <summary>Sets "a.b" of run.json (null removes the last CUDA-like entry of a list: it keeps only the first).</summary>
    private void EditRunJson(string field, string? value)
    {
        string path = Path.Combine(Out, ResultsStore.RunFileName);
        JsonNode root = JsonNode.Parse(File.ReadAllText(path))!;
        string[] parts = field.Split('.');
        JsonObject parent = root[parts[0]]!.AsObject();
        if (value is null)
        {
            JsonArray list = parent[parts[1]]!.AsArray();
            while (list.Count > 1)
            {
                list.RemoveAt(list.Count - 1);
            }
        }
        else
        {
            parent[parts[1]] = int.TryParse(value, out int number) ? JsonValue.Create(number) : JsonValue.Create(value);
        }

        File.WriteAllText(path, root.ToJsonString());
    }

    private RunSettings Settings(string[] models, string[]? providers = null) =>
        new([], [.. models], [.. providers ?? ["cpu"]], [1], [null], "quick", 42, Out, "test-label");

    private string TinyModel(string name)
    {
        string path = _temp.File(name + ".onnx");
        EfficientNetOnnx.Save(EfficientNetOnnx.Build(VariantSpec.Custom(0.25, 0.1, 32), new ExportOptions()), path);
        return path;
    }
}
