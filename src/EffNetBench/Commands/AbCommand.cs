using System.Collections.Immutable;
using System.CommandLine;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Providers.Runtimes;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Commands;

/// <summary>
/// `ab BASELINE CANDIDATE`: both arms measured interleaved in one run (ABBA over the launches), then a verdict per pair;
/// exit 0 nothing slower or inconclusive, 1 something slower (or a case failed), 2 bad usage, 3 something inconclusive
/// and nothing slower (0 with --allow-inconclusive).
/// </summary>
internal static class AbCommand
{
    public static Command Create(TextWriter output, TextWriter progress, Option<bool> verbose)
    {
        var baseline = new Argument<string?>("BASELINE") { Description = "ONNX file or zoo variant, or a comma list of them (paired by position with CANDIDATE)", Arity = ArgumentArity.ZeroOrOne };
        var candidate = new Argument<string?>("CANDIDATE") { Description = "ONNX file or zoo variant, or a comma list of the same length", Arity = ArgumentArity.ZeroOrOne };
        var baselineLib = new Option<string?>("--baseline-ort-lib") { Description = "ONNX Runtime library of the baseline arm (default: the one this process loads)" }.ExistingFile("an ONNX Runtime library");
        var candidateLib = new Option<string?>("--candidate-ort-lib") { Description = "ONNX Runtime library of the candidate arm (default: the one this process loads)" }.ExistingFile("an ONNX Runtime library");
        var baselineOrt = new Option<string?>("--baseline-ort") { Description = "ONNX Runtime release of the baseline arm by version, VERSION[:flavor], from the runtime cache (instead of --baseline-ort-lib)" };
        var candidateOrt = new Option<string?>("--candidate-ort") { Description = "ONNX Runtime release of the candidate arm by version, VERSION[:flavor], from the runtime cache (instead of --candidate-ort-lib)" };
        var providers = new Option<string?>("--providers", "-p") { Description = $"Execution providers: {string.Join(", ", ExecutionProviders.Names)} (default: every one usable here)" };
        var batches = OptionValues.Create("--batch", OptionValues.List(OptionValues.WholeNumber(1, 4096)), "Batch sizes, comma-separated", () => [1], "-b");
        var threads = OptionValues.Create("--threads", OptionValues.List(OptionValues.OrKeyword(OptionValues.WholeNumber(1, 4096), "default")),
            "Intra-op thread counts, comma-separated, or 'default'", () => [null], "-t");
        var preset = new Option<string>("--preset") { Description = "quick | default | thorough", DefaultValueFactory = _ => "default" };
        var launches = OptionValues.Create("--launches", OptionValues.OrKeyword(OptionValues.WholeNumber(2, 100), "preset"),
            "Launches of each arm's case, interleaved ABBA; 'preset' (the default): quick 2, default 2, thorough 4", () => null);
        var outDir = new Option<string?>("--out", "-o") { Description = "Run folder (default: bench-results/<UTC timestamp>-<host>-ab/)" }.OutputFolder();
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted A/B run in this folder with its original settings" }.ExistingFolder("a run folder");
        var seed = OptionValues.Create("--seed", OptionValues.AnyWholeNumber, "Seed of the generated zoo models' synthetic weights", () => (int)ExportOptions.DefaultSeed);
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"Where generated models are cached (also ${ModelCache.EnvironmentVariable})" };
        VerdictOptions verdictOptions = CompareCommand.TestOptions(string.Empty);
        var command = new Command("ab", "Compare two models or two ONNX Runtime libraries in one interleaved run (ABBA launches); exit 1 slower, 3 inconclusive")
        {
            baseline, candidate, baselineLib, candidateLib, baselineOrt, candidateOrt, providers, batches, threads, preset, launches, outDir, resume, seed, cacheDir,
        };
        verdictOptions.AddTo(command);
        var precisionName = OptionValues.OneOf([.. PrecisionNames.All.Select(n => (n, n))]);
        var baselinePrecision = OptionValues.Create("--baseline-precision", precisionName, "Precision of the baseline arm: fp32, fp16, int8 or int8-dynamic", () => PrecisionNames.Fp32);
        var candidatePrecision = OptionValues.Create("--candidate-precision", precisionName, "Precision of the candidate arm (e.g. ab b0 b0 --candidate-precision int8)", () => PrecisionNames.Fp32);
        command.Options.Add(baselinePrecision);
        command.Options.Add(candidatePrecision);
        var precision = new PrecisionOptions();
        precision.AddTo(command, precision: false);
        var measurement = new MeasurementOptions();
        measurement.AddTo(command);
        Option[] settingOptions = [baselineLib, candidateLib, baselineOrt, candidateOrt, providers, batches, threads, preset, launches, outDir, seed, baselinePrecision, candidatePrecision, .. precision.SettingOptions, .. measurement.SettingOptions];
        command.Validators.Add(result =>
        {
            bool resuming = result.GetResult(resume) is not null;
            if (resuming && (result.GetValue(baseline) is not null || settingOptions.FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is not null))
            {
                result.AddError("--resume continues an A/B run with its recorded arms and settings: give only --resume DIR (and the test options)");
            }
            else if (!resuming && (result.GetValue(baseline) is null || result.GetValue(candidate) is null))
            {
                result.AddError("ab needs BASELINE and CANDIDATE (or --resume DIR)");
            }
        });
        command.SetAction(parse =>
        {
            CompareOptions options = verdictOptions.Read(parse);
            TextWriter? bdnLog = parse.GetValue(verbose) ? progress : null;
            RunRequest RequestFor(RunSettings settings) => new(settings, new ProviderSettings(), parse.GetValue(cacheDir), false, bdnLog);
            var observer = new ConsoleRunObserver(progress);
            RunOutcome outcome = parse.GetValue(resume) is string dir
                ? Resume(dir, RequestFor, observer)
                : BenchmarkEngine.Real.Start(RequestFor(measurement.Apply(parse, WithPrecision(Settings(parse, baseline, candidate, ArmLibrary(parse, baselineLib, baselineOrt, cacheDir),
                    ArmLibrary(parse, candidateLib, candidateOrt, cacheDir), providers, batches, threads, preset, launches, outDir, seed),
                    parse, precision, parse.GetValue(baselinePrecision)!, parse.GetValue(candidatePrecision)!))), observer, CancellationToken.None);
            if (outcome.Results is not BenchmarkResults results)
            {
                output.WriteLine($"interrupted: continue with: effnet-bench ab --resume {outcome.Directory}");
                return ExitCodes.Failed;
            }

            AbReport report = AbComparer.Compare(results, BenchmarkPreset.LaunchesFor(results.Settings), outcome.Directory, options);
            (string markdownPath, string jsonPath) = AbReportWriter.Write(report, outcome.Directory);
            output.Write(AbReportWriter.Markdown(report));
            output.WriteLine($"report: {markdownPath}");
            output.WriteLine($"report: {jsonPath}");
            if (results.Cases.Any(c => c.Status == CaseStatus.Failed))
            {
                return ExitCodes.Failed;
            }

            return ExitCodes.ForVerdicts(report.Verdicts, parse.GetValue(verdictOptions.AllowInconclusive));
        });
        return command;
    }

    /// <summary>Each arm's precision (null for fp32, so an fp32 A/B run records what it did before), the calibration
    /// options shared by both arms, and --graph-opt.</summary>
    private static RunSettings WithPrecision(RunSettings settings, ParseResult parse, PrecisionOptions precision, string baseline, string candidate) =>
        settings with
        {
            Ab = settings.Ab! with { BaselinePrecision = PrecisionNames.Recorded(PrecisionNames.Parse(baseline)), CandidatePrecision = PrecisionNames.Recorded(PrecisionNames.Parse(candidate)) },
            Precision = precision.Read(parse, [.. new[] { baseline, candidate }.Distinct()], settings.Seed),
            GraphOptimization = parse.GetValue(precision.GraphOpt),
        };

    private static RunOutcome Resume(string dir, Func<RunSettings, RunRequest> requestFor, IRunObserver observer)
    {
        RunOutcome outcome = BenchmarkEngine.Real.Resume(dir, requestFor, observer, CancellationToken.None);
        return outcome.Results?.Settings.Ab is null && outcome.Results is not null
            ? throw new UsageException($"'{dir}' holds a plain run, not an A/B run: resume it with 'effnet-bench run --resume'")
            : outcome;
    }

    /// <summary>An arm's library: its --X-ort-lib path, or the cached library of its --X-ort VERSION[:flavor]; null for neither.</summary>
    private static string? ArmLibrary(ParseResult parse, Option<string?> lib, Option<string?> ort, Option<string?> cacheDir)
    {
        string? path = parse.GetValue(lib) is string given ? Path.GetFullPath(given) : null;
        if (parse.GetValue(ort) is not string spec)
        {
            return path;
        }

        return path is null
            ? OrtSpec.Parse(spec, ort.Name).LibraryIn(RuntimeStore.ForPlatform(parse.GetValue(cacheDir)), ort.Name)
            : throw new UsageException($"{ort.Name} {spec} and {lib.Name} {path} both name the arm's ONNX Runtime: give one of them");
    }

    private static RunSettings Settings(ParseResult parse, Argument<string?> baseline, Argument<string?> candidate, string? baselineLib,
        string? candidateLib, Option<string?> providers, Option<ImmutableArray<int>> batches, Option<ImmutableArray<int?>> threads,
        Option<string> preset, Option<int?> launches, Option<string?> outDir, Option<int> seed)
    {
        ImmutableArray<string> a = Arm(parse.GetValue(baseline)!, "BASELINE");
        ImmutableArray<string> b = Arm(parse.GetValue(candidate)!, "CANDIDATE");
        if (a.Length != b.Length)
        {
            throw new UsageException($"BASELINE has {a.Length} models and CANDIDATE {b.Length}: the arms are paired by position, so give lists of equal length");
        }

        string presetName = parse.GetValue(preset)!;
        if (!BenchmarkPreset.TryFind(presetName, out _))
        {
            throw new UsageException($"--preset '{presetName}' is not a preset: use quick, default or thorough");
        }

        string runFolder = parse.GetValue(outDir) ?? Path.Combine("bench-results",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Environment.MachineName.ToLowerInvariant()}-ab"));
        var settings = new RunSettings([], [], RunCommand.Providers(parse.GetValue(providers), new ProviderSettings(), presetName), parse.GetValue(batches), parse.GetValue(threads),
            presetName.ToLowerInvariant(), parse.GetValue(seed), Path.GetFullPath(runFolder), "ab")
        {
            Ab = new AbSettings(a, b, baselineLib, candidateLib),
        };
        return RunCommand.WithLaunches(settings, parse.GetValue(launches));
    }

    /// <summary>An arm's comma list: each an existing ONNX file (made a full path) or a zoo variant (its canonical name).</summary>
    private static ImmutableArray<string> Arm(string list, string name)
    {
        ImmutableArray<string> items = [.. RunCommand.Split(list).Select(item =>
            File.Exists(item) ? Path.GetFullPath(item)
            : item.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? throw new UsageException($"{name} '{item}' does not exist: give an ONNX file or a zoo variant")
            : ZooCatalog.Find(item).Name)];
        return items.IsEmpty ? throw new UsageException($"{name} '{list}' names no model: give ONNX files or zoo variants, comma-separated") : items;
    }
}
