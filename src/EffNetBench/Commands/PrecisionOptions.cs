using System.Collections.Immutable;
using System.CommandLine;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;

namespace EffNetBench.Commands;

/// <summary>`--precision` with its calibration options, and `--graph-opt`: shared by `run`, `ab` and `eval`.</summary>
internal sealed class PrecisionOptions
{
    private static readonly ValueKind<string> PrecisionName = OptionValues.OneOf([.. PrecisionNames.All.Select(n => (n, n))]);

    public Option<ImmutableArray<string>> Precision { get; } = OptionValues.Create("--precision", OptionValues.List(PrecisionName),
        "Numeric precisions, comma-separated: fp32, fp16, int8 (static, QDQ, calibrated), int8-dynamic (weight-only); converted models are cached",
        () => [PrecisionNames.Fp32]);

    public Option<string?> Calibration { get; } = new Option<string?>("--calibration")
    {
        Description = "int8: a folder of calibration images (labelled class folders or flat), read with eval's preprocessing (default: synthetic inputs, and the results say so)",
        HelpName = "DIR",
    }.ExistingFolder("a folder of images");

    public Option<int> CalibrationImages { get; } = OptionValues.Create("--calibration-images", OptionValues.WholeNumber(1, 100_000),
        "int8: calibrate on at most this many images (or synthetic inputs)", () => PrecisionSettings.DefaultCalibrationImages);

    public Option<string> CalibrationMethod { get; } = OptionValues.Create("--calibration-method",
        OptionValues.OneOf([.. PrecisionSettings.Methods.Select(m => (m, m))]),
        "int8: how activation ranges are chosen: min-max, percentile or entropy (as ONNX Runtime's quantizer)", () => PrecisionSettings.DefaultMethod);

    public Option<string?> GraphOpt { get; } = OptionValues.Create<string?>("--graph-opt",
        OptionValues.OneOf<string?>([.. GraphOptimizationLevels.Names.Select(n => (n, (string?)n))]),
        "ONNX Runtime graph optimisation level: disabled, basic, extended or all (default: all, as before the option existed)");

    /// <summary>The options whose change a resumed run refuses.</summary>
    public IEnumerable<Option> SettingOptions => [Precision, Calibration, CalibrationImages, CalibrationMethod, GraphOpt];

    public void AddTo(Command command, bool precision = true)
    {
        if (precision)
        {
            command.Options.Add(Precision);
        }

        command.Options.Add(Calibration);
        command.Options.Add(CalibrationImages);
        command.Options.Add(CalibrationMethod);
        command.Options.Add(GraphOpt);
    }

    /// <summary>The recorded precision settings: null for fp32 only without calibration options (runs as before).</summary>
    /// <param name="precisions">The precisions asked for (--precision, or both arms of `ab`).</param>
    public PrecisionSettings? Read(ParseResult parse, ImmutableArray<string> precisions, int seed)
    {
        string? folder = parse.GetValue(Calibration);
        bool int8 = precisions.Contains("int8");
        bool calibrationGiven = folder is not null || parse.GetResult(CalibrationImages) is { Implicit: false } || parse.GetResult(CalibrationMethod) is { Implicit: false };
        if (calibrationGiven && !int8)
        {
            string given = folder is not null ? "--calibration" : parse.GetResult(CalibrationImages) is { Implicit: false } ? "--calibration-images" : "--calibration-method";
            throw new UsageException($"{given} calibrates static int8 only: add int8 to the precisions (e.g. --precision fp32,int8), or drop {given}");
        }

        if (folder is not null && CalibrationFolder.Images(folder).Count == 0)
        {
            throw new UsageException($"--calibration '{folder}' holds no image ({CalibrationFolder.ImageKinds}): give a folder of calibration images, or drop --calibration for synthetic inputs");
        }

        if (precisions.All(p => p == PrecisionNames.Fp32))
        {
            return null;
        }

        return new PrecisionSettings(precisions, folder is null ? null : Path.GetFullPath(folder), parse.GetValue(CalibrationImages),
            parse.GetValue(CalibrationMethod)!, PrecisionSettings.DefaultPercentile, seed);
    }
}
