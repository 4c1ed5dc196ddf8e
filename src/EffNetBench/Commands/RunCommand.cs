using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Benchmarking.Isolation;
using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Commands;

internal static class RunCommand
{
    private static readonly string[] DefaultVariants = ["b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7"];

    public static Command Create(TextWriter output, TextWriter progress, Option<bool> verbose)
    {
        var variants = new Option<string?>("--variants") { Description = "Zoo variants, comma-separated, or 'all' (default: b0-b7 unless --model is given)" };
        var models = new Option<string[]>("--model", "-m") { Description = "ONNX model files, comma-separated or repeated", AllowMultipleArgumentsPerToken = false }.ExistingFile("an ONNX file", commaList: true);
        var providers = new Option<string?>("--providers", "-p") { Description = $"Execution providers: {string.Join(", ", ExecutionProviders.Names)} (default: every one usable here)" };
        var batches = OptionValues.Create("--batch", OptionValues.List(OptionValues.WholeNumber(1, 4096)), "Batch sizes, comma-separated", () => [1], "-b");
        var threads = OptionValues.Create("--threads", OptionValues.List(OptionValues.OrKeyword(OptionValues.WholeNumber(1, 4096), "default")),
            "Intra-op thread counts, comma-separated, or 'default' (ONNX Runtime's choice, recorded)", () => [null], "-t");
        var launches = Launches();
        var preset = new Option<string>("--preset") { Description = "quick | default | thorough: warm-up, minimum samples, precision target and time budget per case", DefaultValueFactory = _ => "default" };
        var outDir = new Option<string?>("--out", "-o") { Description = "Run folder (default: bench-results/<UTC timestamp>-<host>/)" }.OutputFolder();
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted run in this folder with its original settings" }.ExistingFolder("a run folder");
        var label = new Option<string?>("--label") { Description = "A label recorded with the run (e.g. a release name)" };
        var seed = OptionValues.Create("--seed", OptionValues.AnyWholeNumber, "Seed of the generated zoo models' synthetic weights", () => (int)ExportOptions.DefaultSeed);
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"Where generated models are cached (default: the platform cache folder; also ${ModelCache.EnvironmentVariable})" };
        var deviceId = OptionValues.Create("--device-id", OptionValues.WholeNumber(0, 1024), "GPU device id (CUDA, TensorRT)", () => 0);
        var trtFp16 = new Option<bool>("--trt-fp16") { Description = "TensorRT: allow FP16 kernels" };
        var trtCache = new Option<string?>("--trt-cache") { Description = "TensorRT: engine cache folder" };
        var openVinoDevice = new Option<string?>("--openvino-device") { Description = "OpenVINO device type, e.g. CPU, GPU, NPU" };
        var cudaGraph = new Option<bool>("--cuda-graph") { Description = "CUDA: capture the graph once and replay it" };
        var checkOverhead = new Option<bool>("--check-overhead") { Description = "Also time a bare ONNX Runtime Run loop on each session and record it next to the harness's figures" };
        var bdnExports = new Option<bool>("--bdn-exports") { Description = "Also write BenchmarkDotNet's Markdown/JSON reports and CSV measurements into each case's bdn/ folder (its log is always there)" };
        var caseTimeout = OptionValues.Create("--case-timeout", OptionValues.Optional(OptionValues.Number(0, double.MaxValue, minOpen: true, example: "300")),
            "Seconds one case's worker process may take before it is killed and the case failed (default: 120 + 3 x the preset's time and warm-up budgets)");
        var remeasurePeaks = new Option<bool>("--remeasure-peaks") { Description = "With --profile: measure this machine's compute and bandwidth peaks (the roofline) again instead of reusing those cached for this CPU, runtime, provider and threads" };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "With --resume: measure every failed case again, not only those that crashed, hung or were killed" };
        var endToEnd = new Option<string?>("--end-to-end") { Description = "Also measure image bytes to class: next to each batch-1 CPU case, one whose graph decodes this PNG or JPEG (onnxruntime-extensions DecodeImage) and preprocesses it before the model", HelpName = "IMAGE" }
            .ExistingFile("a PNG or JPEG image");

        var command = new Command("run", "Benchmark zoo variants and ONNX files on every execution provider with BenchmarkDotNet (crash-safe results)")
        {
            variants, models, providers, batches, threads, preset, launches, outDir, resume, label, seed, cacheDir,
            deviceId, trtFp16, trtCache, openVinoDevice, cudaGraph, checkOverhead, endToEnd, bdnExports, caseTimeout, retryFailed, remeasurePeaks,
        };

        var measurement = new MeasurementOptions();
        measurement.AddTo(command);

        var precision = new PrecisionOptions();
        precision.AddTo(command);

        // A resumed run keeps its recorded settings: an option that would change them is refused before the folder is touched.
        Option[] settingOptions = [variants, models, providers, batches, threads, preset, launches, outDir, label, seed, endToEnd, .. measurement.SettingOptions, .. precision.SettingOptions];
        command.Validators.Add(result =>
        {
            if (result.GetResult(resume) is not null && settingOptions.FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is Option given)
            {
                result.AddError($"--resume continues a run with its recorded settings, so {given.Name} cannot be changed: drop {given.Name}, or start a new run with --out");
            }

            if (result.GetResult(retryFailed) is { Implicit: false } && result.GetResult(resume) is null)
            {
                result.AddError("--retry-failed measures the failed cases of a run folder again: use it with --resume FOLDER");
            }
        });
        command.SetAction(parse =>
        {
            var providerSettings = new ProviderSettings(parse.GetValue(deviceId), parse.GetValue(trtFp16), parse.GetValue(trtCache),
                parse.GetValue(openVinoDevice), parse.GetValue(cudaGraph));
            TextWriter? bdnLog = parse.GetValue(verbose) ? progress : null;
            TimeSpan? timeout = parse.GetValue(caseTimeout) is double seconds ? TimeSpan.FromSeconds(seconds) : null;
            RunRequest RequestFor(RunSettings settings) =>
                new(settings, providerSettings, parse.GetValue(cacheDir), parse.GetValue(checkOverhead), bdnLog, parse.GetValue(bdnExports), timeout, parse.GetValue(remeasurePeaks));

            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                // First Ctrl-C: finish the current case and keep everything measured; a second one ends the process.
                e.Cancel = !cancel.IsCancellationRequested;
                progress.WriteLine("stopping after the current case (Ctrl-C again to abort now)");
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var observer = new ConsoleRunObserver(progress);
                RunOutcome outcome;
                if (parse.GetValue(resume) is string dir)
                {
                    outcome = BenchmarkEngine.Real.Resume(dir, RequestFor, observer, cancel.Token, parse.GetValue(retryFailed));
                }
                else
                {
                    RunSettings settings = measurement.Apply(parse, WithLaunches(Settings(parse, variants, models, providers, batches, threads, preset, outDir, label, seed, endToEnd, providerSettings), parse.GetValue(launches)))
                        with
                        {
                            Precision = precision.Read(parse, parse.GetValue(precision.Precision), parse.GetValue(seed)),
                            GraphOptimization = parse.GetValue(precision.GraphOpt),
                        };
                    NoteModelsToGenerate(progress, settings, parse.GetValue(cacheDir));
                    NotePrecisions(progress, settings);
                    outcome = BenchmarkEngine.Real.Start(RequestFor(settings), observer, cancel.Token);
                }

                output.Write(RunSummaryReport.Render(outcome.Cases));
                output.Write(ScenarioSummary.Render(outcome.Cases));
                bool failed = outcome.Cases.Any(c => c.Status == CaseStatus.Failed);
                if (outcome.NothingMeasured is string nothing && !failed)
                {
                    // Every case skipped, or none planned: the folder says why; the exit code says there is no data to pass on.
                    // (A failed case is reported in the summary, and exits 1 already.)
                    progress.WriteLine($"effnet-bench: {nothing}");
                }

                if (outcome.Interrupted)
                {
                    output.WriteLine($"interrupted: finished cases are in {Path.Combine(outcome.Directory, ResultsStore.CasesFileName)}; continue with: effnet-bench run --resume {outcome.Directory}");
                    return ExitCodes.Failed;
                }

                output.WriteLine($"results: {Path.Combine(outcome.Directory, ResultsStore.ResultsFileName)}");

                // The same report code as `effnet-bench report`, so a run folder always holds its leaderboard.
                foreach (string path in ReportGenerator.Generate([outcome.Directory], outcome.Directory, new ReportOptions()))
                {
                    output.WriteLine($"report: {path}");
                }

                if (ScenarioSummary.BoundBelowMedian(outcome.Cases) is string bound)
                {
                    // Checkable only once single-stream measured the median: a usage error, reported after the run kept its data.
                    progress.WriteLine($"effnet-bench: {bound}");
                    return ExitCodes.Usage;
                }

                return failed || outcome.NothingMeasured is not null ? ExitCodes.Failed : ExitCodes.Success;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    /// <summary>A first run generates its zoo models (a minute for B0-B7 on two cores): say so, rather than start silently.</summary>
    private static void NoteModelsToGenerate(TextWriter progress, RunSettings settings, string? cacheDir)
    {
        var cache = ModelCache.ForPlatform(cacheDir);
        IReadOnlyList<PendingModel> missing = cache.Missing(settings);
        if (missing.Count > 0)
        {
            string names = string.Join(", ", missing.Select(m => settings.Batches.Length > 1 ? $"{m.Name}@b{Invariant.Number(m.Batch)}" : m.Name));
            progress.WriteLine($"generating {Invariant.Number(missing.Count)} zoo models ({names}; synthetic weights, about {Invariant.Mib(missing.Sum(m => m.EstimatedBytes))} MiB) into {cache.Directory} as their cases come up; later runs reuse them");
        }
    }

    /// <summary>Converted models are made in the first case of each (model, precision), in its worker: say so, and how
    /// int8 is calibrated.</summary>
    private static void NotePrecisions(TextWriter progress, RunSettings settings)
    {
        if (settings.Precision is { } p && p.Precisions.Any(n => n != "fp32"))
        {
            string calibration = p.CalibrationFolder is string folder ? $"{p.CalibrationMethod} over at most {Invariant.Number(p.CalibrationImages)} images of {folder}"
                : $"{p.CalibrationMethod} over {Invariant.Number(p.CalibrationImages)} synthetic inputs (no --calibration: the results say so)";
            progress.WriteLine($"precisions {string.Join(", ", p.Precisions)}: each model is converted (and cached) in its first case of that precision"
                + (p.Precisions.Contains("int8") ? $"; int8 calibration: {calibration}" : string.Empty));
        }
    }

    private static RunSettings Settings(ParseResult parse, Option<string?> variants, Option<string[]> models, Option<string?> providers,
        Option<ImmutableArray<int>> batches, Option<ImmutableArray<int?>> threads, Option<string> preset, Option<string?> outDir, Option<string?> label, Option<int> seed,
        Option<string?> endToEnd, ProviderSettings providerSettings)
    {
        // Existence and kind were checked at parse time (InputPaths).
        var given = (parse.GetValue(models) ?? []).SelectMany(Split).ToList();
        ImmutableArray<string> files = [.. given.Select(Path.GetFullPath).Distinct()];
        if (files.IsEmpty && parse.GetValue(models) is { Length: > 0 })
        {
            throw new UsageException("--model '' names no file: give ONNX files, comma-separated or repeated");
        }

        string? variantList = parse.GetValue(variants);
        ImmutableArray<string> zoo = variantList is null
            ? (files.IsEmpty ? [.. DefaultVariants] : [])
            : string.Equals(variantList, "all", StringComparison.OrdinalIgnoreCase)
                ? [.. ZooCatalog.All.Select(v => v.Name)]
                : [.. Split(variantList).Select(v => ZooCatalog.Find(v).Name).Distinct()];
        if (variantList is not null && zoo.IsEmpty)
        {
            throw new UsageException($"--variants '{variantList}' names no variant: give zoo variants, comma-separated (e.g. b0,b3), or 'all'");
        }

        string presetName = parse.GetValue(preset)!;
        if (!BenchmarkPreset.TryFind(presetName, out _))
        {
            throw new UsageException($"--preset '{presetName}' is not a preset: use quick, default or thorough");
        }

        ImmutableArray<int> batchSizes = parse.GetValue(batches);
        string? image = parse.GetValue(endToEnd);
        if (image is not null)
        {
            if (DecodeImageSupport.Problem(image) is string problem)
            {
                throw new UsageException($"--end-to-end '{image}' {problem}");
            }

            if (!batchSizes.Contains(1))
            {
                throw new UsageException("--end-to-end measures batch 1 only (one image's bytes): include 1 in --batch");
            }
        }

        string? requestedOut = parse.GetValue(outDir);
        string runFolder = requestedOut ?? Path.Combine("bench-results",
            string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Environment.MachineName.ToLowerInvariant()}"));
        return new RunSettings(zoo, files, Providers(parse.GetValue(providers), providerSettings, presetName), batchSizes,
            parse.GetValue(threads),
            presetName.ToLowerInvariant(), parse.GetValue(seed), Path.GetFullPath(runFolder), parse.GetValue(label))
        {
            EndToEndImage = image is null ? null : Path.GetFullPath(image),
        };
    }

    /// <summary>The settings with their launches resolved (the preset's default when not given), so run.json records the
    /// count a resume must keep even if a later version changes the default.</summary>
    internal static RunSettings WithLaunches(RunSettings settings, int? launches)
    {
        RunSettings given = settings with { Launches = launches };
        return given with { Launches = BenchmarkPreset.LaunchesFor(given) };
    }

    /// <summary>--launches, shared with `ab`.</summary>
    internal static Option<int?> Launches() => OptionValues.Create("--launches", OptionValues.OrKeyword(OptionValues.WholeNumber(1, 100), "preset"),
        "Launches (separate measurements) of each case, scheduled round-robin across cases; 'preset' (the default) takes the preset's: quick 1, default 2, thorough 3",
        () => null);

    internal static ImmutableArray<string> Providers(string? list, ProviderSettings providerSettings, string preset)
    {
        if (list is null)
        {
            // Default: every provider this ONNX Runtime can actually use, probed in a worker (this process never loads ONNX Runtime).
            var probe = new RunSettings([], [], [], [1], [null], preset, 0, Directory.GetCurrentDirectory(), null);
            return [.. new ProcessCaseMeasurer(new RunRequest(probe, providerSettings)).ProbeAll().Where(p => p.Usable).Select(p => ExecutionProviders.Name(p.Provider))];
        }

        return [.. Split(list).Select(name => ExecutionProviders.TryParse(name, out ExecutionProvider p)
            ? ExecutionProviders.Name(p)
            : throw new UsageException($"--providers '{name}' is not a provider: use {string.Join(", ", ExecutionProviders.Names)}")).Distinct()];
    }

    internal static IEnumerable<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
