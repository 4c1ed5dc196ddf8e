using System.CommandLine;
using EffNetBench.Core.Evaluation;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Quantization.Calibration;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Commands;

/// <summary>`quantize MODEL|VARIANT -o FILE`: writes the INT8 (static QDQ or weight-only) or FP16 version of a float32 model.</summary>
internal static class QuantizeCommand
{
    /// <summary>Calibration inputs when none is said: ONNX Runtime's examples calibrate on a few hundred images; 100 keeps B0 fast.</summary>
    public const int DefaultCalibrationImages = 100;

    private static readonly (string Name, Precision Value)[] Precisions =
        [("int8", Precision.Int8), ("int8-dynamic", Precision.Int8Dynamic), ("fp16", Precision.Fp16)];

    public static Command Create(TextWriter output)
    {
        var model = new Argument<string>("MODEL") { Description = "A float32 .onnx file, or a zoo variant name (generated into the model cache)" };
        var file = new Option<string>("--output", "-o") { Description = "Where to write the converted model", Required = true }.OutputFile("an ONNX file");
        ValueKind<Precision> precisionKind = OptionValues.OneOf(Precisions);
        var precision = OptionValues.Checked("--precision", precisionKind, "int8 (static, QDQ, calibrated), int8-dynamic (weight-only) or fp16", "int8");
        var calibration = new Option<string?>("--calibration") { Description = "int8: calibration images (a folder, labelled by class subfolders or not, or a .csv); default: synthetic inputs" };
        var images = OptionValues.Create("--calibration-images", OptionValues.WholeNumber(1, 100_000),
            "int8: at most this many calibration images (or synthetic inputs)", () => DefaultCalibrationImages);
        ValueKind<CalibrationMethod> methodKind = OptionValues.OneOf([(CalibrationMethods.MinMaxName, CalibrationMethod.MinMax),
            (CalibrationMethods.PercentileName, CalibrationMethod.Percentile), (CalibrationMethods.EntropyName, CalibrationMethod.Entropy)]);
        var method = OptionValues.Checked("--method", methodKind, "int8 calibration: min-max, percentile or entropy", CalibrationMethods.MinMaxName);
        var percentile = OptionValues.Create("--percentile", OptionValues.Number(0, 100, minOpen: true, example: "99.999"),
            "With --method percentile: the percentile of |x| kept (default: ONNX Runtime's)",
            () => CalibrationMethods.DefaultPercentile);
        var provider = new Option<string>("--provider") { Description = "fp16: the provider whose float16 kernels decide the nodes kept in float32", DefaultValueFactory = _ => "cpu" };
        var seed = OptionValues.Create("--seed", OptionValues.Seed, "Seed of a zoo variant's synthetic weights", () => ExportOptions.DefaultSeed);
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Where generated zoo models are cached (default: the platform cache folder)" };
        var command = new Command("quantize", "Write the INT8 or FP16 version of a float32 model (ONNX QDQ; calibrated on images or synthetic inputs)")
        {
            model, file, precision, calibration, images, method, percentile, provider, seed, cacheDir,
        };
        command.SetAction(parse =>
        {
            Precision target = OptionValues.Read(parse, precision, precisionKind);
            string? calibrationDir = parse.GetValue(calibration);
            if (target != Precision.Int8 && calibrationDir is not null)
            {
                throw new UsageException($"--calibration is for --precision int8 only: {PrecisionName(target)} needs no calibration; drop it");
            }

            EvaluatedModel resolved = EvaluatedModel.Resolve(parse.GetValue(model)!, parse.GetValue(cacheDir), parse.GetValue(seed));
            string outputPath = parse.GetValue(file)!;
            if (string.Equals(Path.GetFullPath(outputPath), resolved.Path, StringComparison.Ordinal))
            {
                throw new UsageException($"--output '{outputPath}' is the input model: write the converted model to another file");
            }

            CalibrationMethod m = OptionValues.Read(parse, method, methodKind);
            var options = new ConversionOptions(target,
                target == Precision.Int8 ? new CalibrationSource(calibrationDir, parse.GetValue(images), 0) : null,
                CalibrationMethods.Name(m), parse.GetValue(percentile), parse.GetValue(provider)!);
            var converter = new ModelConverter(resolved.IsFile ? null : resolved.Preprocessing);
            ConversionReport report = converter.Convert(resolved.Path, outputPath, options);
            Print(output, resolved, outputPath, report);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string PrecisionName(Precision p) => p switch
    {
        Precision.Int8 => "int8",
        Precision.Int8Dynamic => "int8-dynamic",
        Precision.Fp16 => "fp16",
        _ => "fp32",
    };

    private static void Print(TextWriter output, EvaluatedModel model, string path, ConversionReport report)
    {
        output.WriteLine($"wrote {path}: {model.Name} in {PrecisionName(report.Precision)}, {Invariant.Number(new FileInfo(path).Length / 1048576.0, "0.0")} MiB (float32: {Invariant.Number(new FileInfo(model.Path).Length / 1048576.0, "0.0")} MiB), in {Invariant.Number(report.Seconds, "0.0")} s");
        if (model.SyntheticWeights)
        {
            output.WriteLine("  weights are synthetic (zoo variant): the converted model is for speed and size, not accuracy");
        }

        output.WriteLine($"  nodes converted: {Invariant.Number(report.ConvertedNodes)}; kept in float32: {Invariant.Number(report.KeptFloat.Length)}");
        if (report.CalibrationDescription is not null)
        {
            output.WriteLine($"  calibration: {report.CalibrationDescription}");
        }

        foreach (var group in report.KeptFloat.GroupBy(k => (k.OpType, k.Reason)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.OpType, StringComparer.Ordinal))
        {
            string names = string.Join(", ", group.Take(3).Select(k => k.Node.Length == 0 ? "(unnamed)" : k.Node)) + (group.Count() > 3 ? ", ..." : string.Empty);
            output.WriteLine($"  kept float32: {Invariant.Number(group.Count())} x {group.Key.OpType} ({group.Key.Reason}): {names}");
        }
    }
}
