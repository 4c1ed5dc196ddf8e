using System.Collections.Immutable;

namespace EffNetBench.Core.Quantization;

/// <summary>Converts a float32 ONNX model to another precision (`quantize`, and `run`/`ab`/`eval --precision`).</summary>
public interface IModelConverter
{
    /// <summary>Writes <paramref name="outputPath"/> from the float32 model at <paramref name="inputPath"/>.</summary>
    ConversionReport Convert(string inputPath, string outputPath, ConversionOptions options);
}

/// <summary>How to convert.</summary>
/// <param name="Precision">Not <see cref="Precision.Fp32"/>.</param>
/// <param name="Calibration">Static INT8 only: where calibration inputs come from.</param>
/// <param name="Method">Static INT8 only: "min-max", "percentile" or "entropy".</param>
/// <param name="Percentile">For "percentile", e.g. 99.99.</param>
/// <param name="Provider">The execution provider the model is meant for ("cpu"...), which decides the nodes kept in
/// float32 for FP16 (no float16 kernel).</param>
public sealed record ConversionOptions(
    Precision Precision,
    CalibrationSource? Calibration,
    string Method,
    double Percentile,
    string Provider)
{
    /// <summary>How calibration images become inputs: the zoo variant's own preprocessing, or eval's for a file; null
    /// for the converter's default (the ImageNet one, fitted to the model's input).</summary>
    public Imaging.Preprocessing? Preprocessing { get; init; }
}

/// <summary>Calibration inputs: a folder of images (labelled or not) through `eval`'s preprocessing, or, with
/// <paramref name="ImageFolder"/> null, the synthetic input distribution the zoo's benchmarks use.</summary>
/// <param name="MaxImages">At most this many images (or synthetic batches).</param>
public sealed record CalibrationSource(string? ImageFolder, int MaxImages, int Seed);

/// <summary>What a conversion did.</summary>
/// <param name="ConvertedNodes">Nodes now running in the target precision.</param>
/// <param name="KeptFloat">Nodes kept in float32, with the reason ("no float16 kernel on cpu", "not quantizable").</param>
/// <param name="CalibrationDescription">E.g. "entropy over 100 images of DIR" or "min-max over 8 synthetic inputs
/// (no calibration images)"; null for FP16 and dynamic.</param>
/// <param name="Seconds">Wall time of the conversion, calibration included.</param>
public sealed record ConversionReport(
    Precision Precision,
    int ConvertedNodes,
    ImmutableArray<KeptFloatNode> KeptFloat,
    string? CalibrationDescription,
    double Seconds);

/// <param name="Node">The node's name.</param>
public sealed record KeptFloatNode(string Node, string OpType, string Reason);
