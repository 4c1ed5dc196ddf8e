using System.Collections.Immutable;
using System.Diagnostics;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Quantization.Calibration;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EffNetBench.Core.Quantization;

/// <summary>
/// The converter behind `quantize` and `--precision`: static INT8 (QDQ, calibrated), weight-only INT8 and FP16. The
/// written model keeps the float32 model's input and output names, types and shapes.
/// </summary>
/// <param name="preprocessing">How calibration images become inputs (eval's preprocessing): the zoo variant's
/// (<see cref="Preprocessing.ForZooVariant"/>) for a zoo model; null for the ImageNet default, fitted to the model's
/// input as eval fits it for an ONNX file.</param>
/// <param name="float16Kernels">Which nodes the provider can run in float16 (null: probe ONNX Runtime's CPU provider,
/// <see cref="Float16KernelProbe"/>).</param>
public sealed class ModelConverter(Preprocessing? preprocessing = null, IFloat16Kernels? float16Kernels = null) : IModelConverter
{
    public ConversionReport Convert(string inputPath, string outputPath, ConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var watch = Stopwatch.StartNew();
        ModelProto model = OnnxModelFile.Load(inputPath);
        ModelChecks.RequireFloat32(inputPath, model);
        (int converted, ImmutableArray<KeptFloatNode> kept, string? calibration) = options.Precision switch
        {
            Precision.Int8 => Static(inputPath, model, options),
            Precision.Int8Dynamic => Dynamic(inputPath, model),
            Precision.Fp16 => WithoutCalibration(Float16Converter.Convert(model, float16Kernels ?? new Float16KernelProbe(options.Provider))),
            _ => throw new QuantizationException(options.Precision.ToString(), "fp32 is the original model: there is nothing to convert", ErrorKind.Usage),
        };

        model.ProducerName = OnnxModelFile.Producer;
        model.ProducerVersion = ToolVersion.Current;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        byte[] bytes = model.ToByteArray();
        RequireLoadable(inputPath, bytes);
        AtomicFile.WriteAllBytes(outputPath, bytes);
        return new ConversionReport(options.Precision, converted, kept, calibration, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The converted model must load on ONNX Runtime's CPU provider with every optimisation (the QDQ fusions):
    /// a model that does not is never written.</summary>
    private static void RequireLoadable(string inputPath, byte[] bytes)
    {
        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            using var session = new InferenceSession(bytes, options);
        }
        catch (OnnxRuntimeException e)
        {
            string first = e.Message.ReplaceLineEndings(" ");
            throw new QuantizationException(inputPath, $"the converted '{inputPath}' does not load on ONNX Runtime ({(first.Length > 200 ? first[..200] + "..." : first)}); nothing was written: report this with the model", ErrorKind.Failed, e);
        }
    }

    private static (int, ImmutableArray<KeptFloatNode>, string?) WithoutCalibration((int Converted, ImmutableArray<KeptFloatNode> Kept) r) =>
        (r.Converted, r.Kept, null);

    private static (int, ImmutableArray<KeptFloatNode>, string?) Dynamic(string path, ModelProto model)
    {
        RequireQuantizable(path, model, weightsOnly: true);
        return WithoutCalibration(QdqQuantizer.WeightOnly(model));
    }

    private (int, ImmutableArray<KeptFloatNode>, string?) Static(string path, ModelProto model, ConversionOptions options)
    {
        if (!CalibrationMethods.TryParse(options.Method, out CalibrationMethod method))
        {
            throw new QuantizationException(options.Method, $"calibration method '{options.Method}' is not one of min-max, percentile, entropy", ErrorKind.Usage);
        }

        if (method == CalibrationMethod.Percentile && !(options.Percentile > 0 && options.Percentile <= 100))
        {
            throw new QuantizationException(options.Percentile.ToString(System.Globalization.CultureInfo.InvariantCulture), "--percentile must be in (0, 100], e.g. 99.999", ErrorKind.Usage);
        }

        if (ModelChecks.DefaultOpset(model) < 13)
        {
            throw new QuantizationException(path, $"'{path}' uses opset {ModelChecks.DefaultOpset(model)}; per-channel QDQ needs opset 13 or later: re-export the model at opset 13+", ErrorKind.Usage);
        }

        RequireQuantizable(path, model, weightsOnly: false);
        CalibrationSource source = options.Calibration ?? new CalibrationSource(null, 8, 0);
        CalibrationBatches batches = CalibrationBatches.From(source);
        (_, List<string> tensors) = QdqQuantizer.Plan(model);
        Dictionary<string, TensorHistogram> histograms = ActivationCalibrator.Collect(model, tensors, batches, options.Preprocessing ?? preprocessing, source.Seed);
        // The entropy search is ~1M logarithms per tensor: spread the tensors over the cores.
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, (float, float)>(StringComparer.Ordinal);
        Parallel.ForEach(histograms, pair => found[pair.Key] = RangeFinder.Find(pair.Value, method, options.Percentile));
        var ranges = new Dictionary<string, (float, float)>(found, StringComparer.Ordinal);

        (int converted, ImmutableArray<KeptFloatNode> kept) = QdqQuantizer.Rewrite(model, ranges, Float16Converter.TensorTypes(model));
        string percentile = method == CalibrationMethod.Percentile ? FormattableString.Invariant($" {options.Percentile}") : string.Empty;
        return (converted, kept, $"{CalibrationMethods.Name(method)}{percentile} over {batches.Description}");
    }

    private static void RequireQuantizable(string path, ModelProto model, bool weightsOnly)
    {
        var initializers = model.Graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        bool any = weightsOnly
            ? model.Graph.Node.Any(n => n.OpType is "Conv" or "Gemm" or "MatMul" && n.Input.Count > 1 && initializers.Contains(n.Input[1]))
            : model.Graph.Node.Any(n => n.OpType is "Conv" or "Gemm" or "MatMul");
        if (!any)
        {
            throw new QuantizationException(path, weightsOnly
                ? $"'{path}' has no Conv, Gemm or MatMul with constant weights: there is nothing to store in int8"
                : $"'{path}' has no quantizable operator (Conv, Gemm, MatMul): INT8 would change nothing; run it in fp32", ErrorKind.Usage);
        }
    }
}
