using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Evaluation;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Evaluation.Leakage;
using EffNetBench.Core.Evaluation.Precisions;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Commands;

/// <summary>`eval MODEL DATASET`: top-1/top-5 accuracy, per-class metrics and a confusion matrix of a classifier on labelled images.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter progress)
    {
        var model = new Argument<string>("MODEL") { Description = "An .onnx classifier, or a zoo variant (synthetic weights: chance-level accuracy)" };
        var dataset = new Argument<string>("DATASET") { Description = "An image folder (one subfolder per class), a .csv of path,label, or a folder of images with --labels" };
        var classes = new Option<string?>("--classes") { Description = "Class names, one per line, in the model's output order" }.ExistingFile("a text file of class names");
        var labels = new Option<string?>("--labels") { Description = "Labels file for a flat folder of images" }.ExistingFile("a labels file");
        var limit = OptionValues.Create("--limit", OptionValues.Optional(OptionValues.WholeNumber(1, int.MaxValue)), "Evaluate a deterministic subset of at most N images (every class represented)");
        var batch = OptionValues.Create("--batch", OptionValues.Optional(OptionValues.WholeNumber(1, 4096)),
            $"Images per inference call for a dynamic-batch model (default 1 on cpu, {EvaluationRequest.DefaultGpuBatch} on a GPU provider); a fixed-batch model uses its own", aliases: "-b");
        var providers = new Option<string>("--providers", "-p") { Description = $"Execution provider: {string.Join(", ", ExecutionProviders.Names)}", DefaultValueFactory = _ => "cpu" };
        var threads = OptionValues.Create("--threads", OptionValues.Optional(OptionValues.WholeNumber(1, 1024)), "Intra-op threads (default: ONNX Runtime's choice)", aliases: "-t");
        var maxBad = OptionValues.Create("--max-bad", OptionValues.Share, "Fail when more than this share of images cannot be decoded, e.g. 1% or 0.01", () => 0.01);
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder (default: ./eval-<model name>/)" }.OutputFolder();
        var resize = OptionValues.Create("--resize", OptionValues.Optional(OptionValues.WholeNumber(1, 4096)),
            "Input resolution (the centre crop's side; the shorter side is first resized to resolution / crop-pct). Default: the model's input size, else 224");
        var cropPct = OptionValues.Create("--crop-pct", OptionValues.Optional(OptionValues.Number(0, 1, minOpen: true, example: "0.875")), "Centre crop fraction in (0, 1] (default 0.875)");
        var interpolation = new Option<string?>("--interpolation") { Description = "bicubic, bilinear or nearest (default bicubic)" };
        var mean = OptionValues.Create("--mean", OptionValues.Tuple(3, OptionValues.Number(-1e6, 1e6), "0.485,0.456,0.406"), "Per-channel mean, R,G,B (default ImageNet's)");
        var std = OptionValues.Create("--std", OptionValues.Tuple(3, OptionValues.Number(0, 1e6, minOpen: true), "0.229,0.224,0.225"), "Per-channel std, R,G,B (default ImageNet's)");
        var scale = new Option<string?>("--scale") { Description = "1: pixels in [0, 1] before normalising (default); 255: [0, 255]" };
        var channels = new Option<string?>("--channels") { Description = "rgb (default) or bgr" };
        var layout = new Option<string?>("--layout") { Description = "nchw or nhwc (default: read from the model's input shape)" };
        var seed = OptionValues.Create("--seed", OptionValues.Seed, "Seed of a zoo variant's synthetic weights", () => ExportOptions.DefaultSeed);
        var train = new Option<string?>("--train") { Description = "Training images' folder: also check the evaluated images for exact and near duplicates in it (data leakage; see 'effnet-bench leakage')" };
        var leakThreshold = OptionValues.Create("--leak-threshold", OptionValues.Optional(OptionValues.WholeNumber(0, PerceptualHash.MaxThreshold)),
            $"Perceptual-hash distance counted as a near duplicate with --train, 0 to {PerceptualHash.MaxThreshold} (default {PerceptualHash.DefaultThreshold})");
        var decodeOnly = new Option<bool>("--decode-only") { Description = "Decode and preprocess every image without inference: check a dataset for bad images and measure the input pipeline alone (writes nothing)" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"Where generated zoo models are cached (default: the platform cache folder; also ${ModelCache.EnvironmentVariable})" };

        var command = new Command("eval", "Measure a classifier's accuracy on a labelled image set (top-1/top-5 with CIs, per-class metrics, confusion matrix)")
        {
            model, dataset, classes, labels, limit, batch, providers, threads, maxBad, outDir,
            resize, cropPct, interpolation, mean, std, scale, channels, layout, seed, cacheDir, decodeOnly, train, leakThreshold,
        };
        var precision = new PrecisionOptions();
        precision.AddTo(command);
        command.SetAction(parse =>
        {
            // Options first: a usage error should not wait for a model export or a dataset scan.
            PrecisionSettings? precisionSettings = precision.Read(parse, parse.GetValue(precision.Precision), 0);
            if (precisionSettings is not null && parse.GetValue(decodeOnly))
            {
                throw new UsageException("--precision is not used with --decode-only, which runs no model: drop one of them");
            }

            string? trainDir = parse.GetValue(train);
            if (trainDir is not null && parse.GetValue(decodeOnly))
            {
                throw new UsageException("--train is not used with --decode-only, which evaluates nothing: run 'effnet-bench leakage TRAIN_DIR TEST_DIR' for the leakage check alone");
            }

            if (trainDir is null && parse.GetValue(leakThreshold) is not null)
            {
                throw new UsageException("--leak-threshold applies to the --train check: add --train DIR, or drop --leak-threshold");
            }

            int threshold = parse.GetValue(leakThreshold) ?? PerceptualHash.DefaultThreshold;
            int? limitN = parse.GetValue(limit);
            int? batchN = parse.GetValue(batch);
            int? threadsN = parse.GetValue(threads);
            double maxBadFraction = parse.GetValue(maxBad);
            string providerName = parse.GetValue(providers)!;
            if (!ExecutionProviders.TryParse(providerName, out ExecutionProvider provider))
            {
                throw new UsageException($"--providers '{providerName}' is not a provider: use one of {string.Join(", ", ExecutionProviders.Names)}");
            }

            PreprocessingOverrides overrides = Overrides(parse, resize, cropPct, interpolation, mean, std, scale, channels, layout);
            EvaluationPlan plan = EvaluationPlan.Create(new EvaluationSpec(parse.GetValue(model)!, parse.GetValue(dataset)!, parse.GetValue(classes), parse.GetValue(labels),
                limitN, overrides, batchN, provider, threadsN, maxBadFraction, parse.GetValue(seed), parse.GetValue(cacheDir), trainDir, threshold));

            EvaluationRequest request = plan.Request with { ProviderSettings = plan.Request.ProviderSettings with { GraphOptimization = parse.GetValue(precision.GraphOpt) } };
            if (precisionSettings?.CalibrationFolder is string calibration)
            {
                // Calibrating on the images that are then scored would flatter the int8 model: the leakage rule refuses it.
                LeakageRequest.CalibrationAgainstDataset(calibration, request.Dataset);
            }

            if (parse.GetValue(decodeOnly))
            {
                InputPipelineResult input = EvalProgressBar.Run(request, progress, p => Evaluator.MeasureInput(request, p));
                output.Write(InputSummary(input));
                return ExitCodes.Success;
            }

            // The evaluation first: a model that cannot be loaded or whose outputs do not fit the classes fails before a
            // long leakage scan, and the measured results are on disk before the scan starts.
            string dir = Path.GetFullPath(parse.GetValue(outDir) ?? plan.DefaultOutputFolder);
            EvaluationResult result = precisionSettings is null
                ? EvalProgressBar.Run(request, progress, p => Evaluator.Execute(request, p))
                : PrecisionEvaluation.Run(request, precisionSettings, ModelConverters.Default, ModelCache.ForPlatform(parse.GetValue(cacheDir)), dir, (r, name) =>
                {
                    progress.WriteLine($"evaluating {name}");
                    return EvalProgressBar.Run(r, progress, p => Evaluator.Execute(r, p));
                });
            IReadOnlyList<string> written = EvaluationReportWriter.Write(result, dir);
            if (plan.Leakage is LeakageRequest check)
            {
                result = result with { Leakage = LeakageFinder.Find(check, new LeakageProgressWriter(progress)) };
                written = [.. written, .. EvaluationReportWriter.AddLeakage(result, dir)];
            }

            output.Write(Summary(result));
            foreach (string warning in EvaluationReportWriter.Warnings(result))
            {
                output.WriteLine($"warning: {warning}");
            }

            foreach (string path in written)
            {
                output.WriteLine($"wrote: {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The preprocessing fields given on the command line, parsed.</summary>
    private static PreprocessingOverrides Overrides(ParseResult parse, Option<int?> resize, Option<double?> cropPct, Option<string?> interpolation,
        Option<ImmutableArray<double>> mean, Option<ImmutableArray<double>> std, Option<string?> scale, Option<string?> channels, Option<string?> layout) => new(
        Resolution: parse.GetValue(resize),
        CropPct: parse.GetValue(cropPct),
        Interpolation: parse.GetValue(interpolation) is string i
            ? Enum.TryParse(i, ignoreCase: true, out Interpolation mode) && Enum.IsDefined(mode) ? mode : throw new UsageException($"--interpolation '{i}' is not valid: use bicubic, bilinear or nearest")
            : null,
        Mean: parse.GetValue(mean) is { IsDefault: false } m ? [.. m.Select(v => (float)v)] : null,
        Std: parse.GetValue(std) is { IsDefault: false } s ? [.. s.Select(v => (float)v)] : null,
        Scale: parse.GetValue(scale) is string sc
            ? sc.Trim() switch { "1" => 1f, "255" => 255f, _ => throw new UsageException($"--scale '{sc}' is not valid: use 1 (pixels in [0, 1]) or 255 (pixels in [0, 255])") }
            : null,
        Channels: parse.GetValue(channels) is string ch
            ? ch.ToLowerInvariant() switch { "rgb" => ChannelOrder.Rgb, "bgr" => ChannelOrder.Bgr, _ => throw new UsageException($"--channels '{ch}' is not valid: use rgb or bgr") }
            : null,
        Layout: parse.GetValue(layout) is string l
            ? l.ToLowerInvariant() switch { "nchw" => TensorLayout.Nchw, "nhwc" => TensorLayout.Nhwc, _ => throw new UsageException($"--layout '{l}' is not valid: use nchw or nhwc") }
            : null);



    private static string InputSummary(InputPipelineResult input)
    {
        PipelineTimings t = input.Timings;
        double n = Math.Max(input.Images, 1);
        string Ms(double seconds) => (seconds * 1000 / n).ToString("0.00", CultureInfo.InvariantCulture) + " ms";
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "images", $"{Tabular.Number(input.Images)} decoded and preprocessed, {Tabular.Number(input.Skipped.Length)} skipped" },
            new[] { "images/s", input.ImagesPerSecond.ToString("0.#", CultureInfo.InvariantCulture) + $" ({t.Workers.ToString(CultureInfo.InvariantCulture)} workers, no inference)" },
            new[] { "decode CPU per image", Ms(t.DecodeSeconds) },
            new[] { "preprocess CPU per image", Ms(t.PreprocessSeconds) },
            new[] { "peak RSS", t.PeakRssBytes is long b ? (b / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MiB" : "n/a" },
        };
        string text = Tabular.Table(["input pipeline", "value"], rows);
        foreach (SkippedImage s in input.Skipped)
        {
            text += $"skipped: {s.Path}: {s.Reason}{Environment.NewLine}";
        }

        return text;
    }

    private static string Summary(EvaluationResult result)
    {
        var r = result.Report;
        string Pct(double v) => v.ToString("0.00%", CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "model", result.Request.ModelName + (result.Request.SyntheticWeights ? " (synthetic weights)" : string.Empty) },
            new[] { "images", $"{Tabular.Number(r.Images)} evaluated, {Tabular.Number(result.Skipped.Length)} skipped" },
            new[] { "top-1", $"{Pct(r.Top1.Value)} (95% CI {Pct(r.Top1.WilsonLow95)}-{Pct(r.Top1.WilsonHigh95)})" },
            new[] { "top-5", r.Top5 is null ? "n/a" : $"{Pct(r.Top5.Value)} (95% CI {Pct(r.Top5.WilsonLow95)}-{Pct(r.Top5.WilsonHigh95)})" },
            new[] { "balanced accuracy", Pct(r.BalancedAccuracy) },
            new[] { "macro F1", r.Macro.F1.ToString("0.0000", CultureInfo.InvariantCulture) },
            new[] { "images/s", result.ImagesPerSecond.ToString("0.#", CultureInfo.InvariantCulture) },
        };
        foreach (PrecisionRun run in result.Precisions?.Runs ?? [])
        {
            rows.Add([$"top-1 {run.Precision}", $"{Pct(run.Top1.Value)} (95% CI {Pct(run.Top1.WilsonLow95)}-{Pct(run.Top1.WilsonHigh95)})"]);
        }

        foreach (PrecisionComparison c in result.Precisions?.Comparisons ?? [])
        {
            rows.Add([$"{c.Precision} vs {c.Baseline}", string.Create(CultureInfo.InvariantCulture,
                $"{c.Top1Difference * 100:+0.00;-0.00;0.00} pp top-1, McNemar p = {c.McNemar.PValue:0.####} ({c.McNemar.Method}), agreement {Pct(c.Top1Agreement)}")]);
        }

        return Tabular.Table(["metric", "value"], rows) + "pipeline: " + EvaluationReportWriter.PipelineSummary(result.Timings, r.Images, result.Elapsed) + Environment.NewLine;
    }
}
