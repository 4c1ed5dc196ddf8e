using EffNetBench.Core.Imaging;
using EffNetBench.Core.OnnxModels;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EffNetBench.Core.Quantization.Calibration;

/// <summary>
/// Runs the float model over the calibration inputs with the tensors to quantise exposed as extra graph outputs (a
/// rewritten copy of the graph, as ONNX Runtime's calibrator augments it), in batches through one session, and keeps a
/// <see cref="TensorHistogram"/> per tensor.
/// </summary>
internal static class ActivationCalibrator
{
    /// <summary>Samples per run when the model's batch dimension is symbolic: few, because every intermediate tensor
    /// of the batch is returned at once.</summary>
    public const int SymbolicBatch = 4;

    /// <summary>Intermediate tensors one run may return: a large model (V2-L at 480 px) calibrates one image per run.</summary>
    public const long MaxBytesPerRun = 512L << 20;

    /// <summary><see cref="SymbolicBatch"/>, fewer when one sample's activations (static analysis at batch 1) are large.</summary>
    internal static int BatchFor(ModelProto model)
    {
        long perSample;
        try
        {
            perSample = EffNetBench.Core.Graph.GraphAnalyzer.Analyze(model, new EffNetBench.Core.Graph.AnalysisOptions(1)).ActivationBytes;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or OverflowException)
        {
            return 1;
        }

        return perSample <= 0 ? 1 : (int)Math.Clamp(MaxBytesPerRun / perSample, 1, SymbolicBatch);
    }

    /// <returns>Each calibrated tensor's histogram; tensors that are not float32 at run time are left out.</returns>
    public static Dictionary<string, TensorHistogram> Collect(
        ModelProto model, IReadOnlyCollection<string> tensors, CalibrationBatches batches, Preprocessing? preprocessing, int seed)
    {
        ValueInfoProto input = SingleInput(model);
        long[] dims = [.. input.Type.TensorType.Shape.Dim.Select(d => string.IsNullOrEmpty(d.DimParam) && d.DimValue > 0 ? d.DimValue : -1)];
        if (dims.Length == 0 || dims.Skip(1).Any(d => d <= 0) || input.Type.TensorType.ElemType != (int)TensorProto.Types.DataType.Float)
        {
            throw new QuantizationException(input.Name,
                $"input '{input.Name}' must be float32 with fixed dimensions after the batch to be calibrated; export the model with a fixed input size");
        }

        int elements = (int)dims.Skip(1).Aggregate(1L, (a, b) => checked(a * b));
        int batch = dims[0] > 0 ? (int)dims[0] : BatchFor(model);
        Preprocessing? pre = null;
        if (batches.SyntheticCount == 0)
        {
            if (dims.Length != 4)
            {
                throw new QuantizationException(input.Name, $"input '{input.Name}' is not an image tensor (rank 4): calibrate it without --calibration (synthetic inputs)", ErrorKind.Usage);
            }

            pre = new ImageInputShape(input.Name, dims).Fit(preprocessing ?? Preprocessing.ImageNetDefault());
            if (pre.ElementCount != elements)
            {
                throw new QuantizationException(input.Name, FormattableString.Invariant(
                    $"input '{input.Name}' takes {elements} floats per image, the preprocessing makes {pre.ElementCount}: the input is not a square 3-channel image"));
            }
        }

        ModelProto augmented = model.Clone();
        var outputs = new HashSet<string>(augmented.Graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        foreach (string name in tensors)
        {
            if (outputs.Add(name))
            {
                augmented.Graph.Output.Add(new ValueInfoProto { Name = name }); // untyped: ONNX Runtime infers it (non-float ones are dropped below)
            }
        }

        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        using var session = new InferenceSession(augmented.ToByteArray(), options);
        string[] names = [.. tensors.Where(t => session.OutputMetadata.TryGetValue(t, out NodeMetadata? m) && m.IsTensor && m.ElementDataType == TensorElementType.Float)];
        var histograms = names.ToDictionary(n => n, _ => new TensorHistogram(), StringComparer.Ordinal);
        var buffer = new float[batch * elements];
        using var run = new RunOptions();
        for (int first = 0; first < batches.Count; first += batch)
        {
            int wanted = Math.Min(batch, batches.Count - first);
            int written = batches.Fill(first, wanted, buffer, elements, pre, seed);
            if (written == 0)
            {
                continue;
            }

            int rows = dims[0] > 0 ? batch : written;
            for (int r = written; r < rows; r++)
            {
                // A fixed batch larger than the samples left: repeat them (the ranges do not change).
                buffer.AsSpan((r % written) * elements, elements).CopyTo(buffer.AsSpan(r * elements, elements));
            }

            long[] shape = [rows, .. dims.Skip(1)];
            using OrtValue value = OrtValue.CreateTensorValueFromMemory(buffer, shape);
            using IDisposableReadOnlyCollection<OrtValue> results = session.Run(run, [input.Name], [value], names);
            Parallel.For(0, names.Length, i => histograms[names[i]].Add(results[i].GetTensorDataAsSpan<float>()));
        }

        batches.NoteSkipped();
        if (histograms.Values.All(h => h.Total == 0))
        {
            throw new QuantizationException(batches.Description, $"no calibration input could be used ({batches.Description}): pass a folder of decodable images");
        }

        return histograms;
    }

    internal static ValueInfoProto SingleInput(ModelProto model)
    {
        var initializers = model.Graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        ValueInfoProto[] inputs = [.. model.Graph.Input.Where(i => !initializers.Contains(i.Name))];
        return inputs.Length == 1
            ? inputs[0]
            : throw new QuantizationException(model.Graph.Name, FormattableString.Invariant(
                $"the model has {inputs.Length} inputs; static INT8 calibration feeds one image input: use --precision int8-dynamic or fp16"), ErrorKind.Usage);
    }
}
