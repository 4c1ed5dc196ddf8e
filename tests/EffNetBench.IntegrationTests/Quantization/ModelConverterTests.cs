using System.Collections.Immutable;
using System.Runtime.InteropServices;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Quantization.Calibration;
using Onnx;

namespace EffNetBench.IntegrationTests.Quantization;

public sealed class ModelConverterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("effnet-bench-quant-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void QdqConvComputesTheHandWorkedValue()
    {
        // x = [0.5, -0.25], W = [1, 2], b = 0.1; ranges x, y in [-1, 1].
        // Activations (uint8): scale 2/255 (0.0078431377 in float32), zero point round(1 / scale) = round(127.4999924) = 127
        // (float32 arithmetic, as ONNX Runtime's quant_utils). Q(0.5) = round(63.75) + 127 = 64 + 127;
        // Q(-0.25) = round(-31.875) + 127 = -32 + 127, which dequantize to 64 and -32 steps.
        // Weights, per channel: scale max|w| / 127 = 2/127; Q(1) = round(63.5) = 64 (even), Q(2) = 127.
        // Bias: int32 at scale (2/255)(2/127) = 4/32385: round(0.1 * 32385 / 4) = round(809.625) = 810.
        // Accumulator 64*64 - 32*127 + 810 = 842, y = 842 * 4/32385 = 0.10400; Q(y) = round(842 * 510 / 32385) + 127
        // = 13 + 127, so the output is 13 * 2/255 = 26/255 = 0.101961 (float model: 0.1).
        ModelProto model = TinyModels.OneConv();
        var ranges = new Dictionary<string, (float, float)> { ["x"] = (-1f, 1f), ["y"] = (-1f, 1f) };
        (int converted, ImmutableArray<KeptFloatNode> kept) = QdqQuantizer.Rewrite(model, ranges);
        Assert.Equal(1, converted);
        Assert.Empty(kept);

        TensorProto weights = model.Graph.Initializer.Single(i => i.DataType == (int)TensorProto.Types.DataType.Int8 && i.Dims.Count == 4);
        Assert.Equal(new sbyte[] { 64, 127 }, MemoryMarshal.Cast<byte, sbyte>(weights.RawData.Span).ToArray());
        TensorProto bias = model.Graph.Initializer.Single(i => i.DataType == (int)TensorProto.Types.DataType.Int32);
        Assert.Equal(810, MemoryMarshal.Cast<byte, int>(bias.RawData.Span)[0]);
        TensorProto zeroPoint = model.Graph.Initializer.Single(i => i.Name == "x_zero_point");
        Assert.Equal((int)TensorProto.Types.DataType.Uint8, zeroPoint.DataType);
        Assert.Equal(127, zeroPoint.RawData[0]);

        string path = TinyModels.Save(model, _folder, "one-conv-int8.onnx");
        float[] y = TinyModels.Run(path, [0.5f, -0.25f], [1, 2, 1, 1]);
        Assert.Equal(26f / 255f, y[0], 5);
    }

    [Theory]
    [InlineData("min-max")]
    [InlineData("percentile")]
    [InlineData("entropy")]
    public void StaticInt8MatchesFloatWithinQuantisationError(string method)
    {
        string input = TinyModels.Save(TinyModels.SmallCnn(), _folder, "cnn.onnx");
        string output = Path.Combine(_folder, $"cnn-int8-{method}.onnx");
        ConversionReport report = new ModelConverter().Convert(input, output,
            new ConversionOptions(Precision.Int8, new CalibrationSource(null, 16, 3), method, 99.99, "cpu"));

        Assert.Equal(Precision.Int8, report.Precision);
        Assert.Equal(6, report.ConvertedNodes); // Conv, Sigmoid, Mul, GlobalAveragePool, Flatten, Gemm
        Assert.Empty(report.KeptFloat);
        Assert.StartsWith(method, report.CalibrationDescription);
        Assert.Contains("16 synthetic inputs", report.CalibrationDescription);

        ModelProto written = OnnxModelFile.Load(output);
        Assert.Contains(written.Graph.Node, n => n.OpType == "QuantizeLinear");
        Assert.Equal(["input"], written.Graph.Input.Select(i => i.Name));
        Assert.Equal(["logits"], written.Graph.Output.Select(o => o.Name));

        // Fresh inputs from the calibration distribution: the error is a few output steps, far below the logits' spread.
        float[] x = TinyModels.Uniform(4 * 3 * 16 * 16, seed: 99);
        float[] reference = TinyModels.Run(input, x, [4, 3, 16, 16]);
        float[] quantized = TinyModels.Run(output, x, [4, 3, 16, 16]);
        float spread = reference.Max() - reference.Min();
        float worst = reference.Zip(quantized, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(spread > 0.05f, $"logit spread {spread}");
        Assert.True(worst < 0.1f * spread, $"max |int8 - fp32| = {worst}, logit spread {spread}");
    }

    [Fact]
    public void ShapeArithmeticIsNeitherQuantizedNorListedAsKeptFloat()
    {
        // PyTorch's flatten: Shape -> Gather -> Unsqueeze -> Concat(-1) -> Reshape. Only the Conv and the Reshape carry floats.
        var b = new OnnxGraphBuilder("reshape_by_shape");
        b.Graph.Input.Add(OnnxGraphBuilder.FloatTensor("x", 1, 2, 4, 4));
        b.Initializer("w", TinyModels.Bytes([.. Enumerable.Range(0, 3 * 2 * 9).Select(i => ((i % 7) - 3) / 10f)]), 3, 2, 3, 3);
        b.Node("Conv", "conv", ["x", "w"], "y", OnnxGraphBuilder.Ints("kernel_shape", 3, 3));
        b.Node("Shape", "shape", ["y"], "s");
        string zero = b.Int64Constant([0]);
        b.Node("Gather", "gather", ["s", zero], "n");
        string minusOne = b.Int64Constant([-1]);
        b.Node("Concat", "concat", ["n", minusOne], "target", OnnxGraphBuilder.Int("axis", 0));
        b.Node("Reshape", "reshape", ["y", "target"], "out");
        b.Graph.Output.Add(OnnxGraphBuilder.FloatTensor("out", 1, 12));
        string input = TinyModels.Save(OnnxModelFile.Create(b.Graph, 17), _folder, "reshape.onnx");

        ConversionReport report = new ModelConverter().Convert(input, Path.Combine(_folder, "reshape-int8.onnx"),
            new ConversionOptions(Precision.Int8, new CalibrationSource(null, 4, 1), "min-max", 99.99, "cpu"));
        Assert.Equal(2, report.ConvertedNodes);
        Assert.Empty(report.KeptFloat);
    }

    [Fact]
    public void WeightOnlyInt8StoresWeightsInInt8AndMatchesFloat()
    {
        string input = TinyModels.Save(TinyModels.SmallCnn(), _folder, "cnn.onnx");
        string output = Path.Combine(_folder, "cnn-int8-dynamic.onnx");
        ConversionReport report = new ModelConverter().Convert(input, output, new ConversionOptions(Precision.Int8Dynamic, null, "min-max", 99.99, "cpu"));

        Assert.Equal(2, report.ConvertedNodes); // the Conv and the Gemm
        Assert.Null(report.CalibrationDescription);
        ModelProto written = OnnxModelFile.Load(output);
        Assert.DoesNotContain(written.Graph.Node, n => n.OpType == "QuantizeLinear");
        Assert.Equal(2, written.Graph.Initializer.Count(i => i.DataType == (int)TensorProto.Types.DataType.Int8 && i.Dims.Count >= 2));

        float[] x = TinyModels.Uniform(2 * 3 * 16 * 16, seed: 5);
        float[] reference = TinyModels.Run(input, x, [2, 3, 16, 16]);
        float[] converted = TinyModels.Run(output, x, [2, 3, 16, 16]);
        float worst = reference.Zip(converted, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 0.02f, $"max |int8 weights - fp32| = {worst}");
    }

    [Fact]
    public void Fp16WithEveryKernelAvailableMatchesFloatWithinHalfPrecision()
    {
        string input = TinyModels.Save(TinyModels.SmallCnn(), _folder, "cnn.onnx");
        string output = Path.Combine(_folder, "cnn-fp16.onnx");
        ConversionReport report = new ModelConverter(float16Kernels: new AllFloat16()).Convert(input, output,
            new ConversionOptions(Precision.Fp16, null, "min-max", 99.99, "cpu"));

        Assert.Equal(6, report.ConvertedNodes);
        Assert.Empty(report.KeptFloat);
        ModelProto written = OnnxModelFile.Load(output);
        Assert.All(written.Graph.Initializer.Where(i => i.Dims.Count > 0 && i.Dims[0] > 1), i => Assert.Equal((int)TensorProto.Types.DataType.Float16, i.DataType));
        Assert.Equal(2, written.Graph.Node.Count(n => n.OpType == "Cast")); // input in, logits out
        Assert.Equal((int)TensorProto.Types.DataType.Float, written.Graph.Input[0].Type.TensorType.ElemType);

        float[] x = TinyModels.Uniform(2 * 3 * 16 * 16, seed: 5);
        float[] reference = TinyModels.Run(input, x, [2, 3, 16, 16]);
        float[] half = TinyModels.Run(output, x, [2, 3, 16, 16]);
        float worst = reference.Zip(half, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 5e-3f, $"max |fp16 - fp32| = {worst}");
    }

    [Fact]
    public void Fp16KeepsANodeWithoutKernelInFloat32WithOneCastEachWay()
    {
        // Sigmoid has "no kernel": conv (fp16) -> Cast to fp32 -> Sigmoid -> Cast to fp16 -> Mul (fp16), plus the two boundary Casts.
        string input = TinyModels.Save(TinyModels.SmallCnn(), _folder, "cnn.onnx");
        string output = Path.Combine(_folder, "cnn-fp16-mixed.onnx");
        ConversionReport report = new ModelConverter(float16Kernels: new AllFloat16Except("Sigmoid")).Convert(input, output,
            new ConversionOptions(Precision.Fp16, null, "min-max", 99.99, "cpu"));

        Assert.Equal(5, report.ConvertedNodes);
        KeptFloatNode kept = Assert.Single(report.KeptFloat);
        Assert.Equal(("sig", "Sigmoid"), (kept.Node, kept.OpType));
        ModelProto written = OnnxModelFile.Load(output);
        Assert.Equal(4, written.Graph.Node.Count(n => n.OpType == "Cast"));
        Assert.Equal((int)TensorProto.Types.DataType.Float, written.Graph.Output[0].Type.TensorType.ElemType);

        float[] x = TinyModels.Uniform(2 * 3 * 16 * 16, seed: 8);
        float worst = TinyModels.Run(input, x, [2, 3, 16, 16]).Zip(TinyModels.Run(output, x, [2, 3, 16, 16]), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 5e-3f, $"max |fp16 - fp32| = {worst}");
    }

    [Fact]
    public void Fp16OnTheCpuProviderKeepsNodesWithoutFloat16KernelsInFloat32()
    {
        string input = TinyModels.Save(TinyModels.SmallCnn(), _folder, "cnn.onnx");
        string output = Path.Combine(_folder, "cnn-fp16-cpu.onnx");
        ConversionReport report = new ModelConverter().Convert(input, output, new ConversionOptions(Precision.Fp16, null, "min-max", 99.99, "cpu"));

        // Whatever this runtime registers, every node is either converted or kept with its reason, and the model runs.
        Assert.Equal(6, report.ConvertedNodes + report.KeptFloat.Length);
        Assert.All(report.KeptFloat, k => Assert.Contains("float16", k.Reason));

        // Weights are float16 whichever way their node runs (a float32 node reads them through a Cast).
        ModelProto written = OnnxModelFile.Load(output);
        Assert.All(written.Graph.Initializer.Where(i => i.Dims.Aggregate(1L, (a, d) => a * d) > 1),
            i => Assert.Equal((int)TensorProto.Types.DataType.Float16, i.DataType));
        float[] x = TinyModels.Uniform(3 * 16 * 16, seed: 5);
        float worst = TinyModels.Run(input, x, [1, 3, 16, 16]).Zip(TinyModels.Run(output, x, [1, 3, 16, 16]), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 5e-3f, $"max |fp16 - fp32| = {worst}");
    }

    [Fact]
    public void AnAlreadyQuantizedModelIsRefused()
    {
        string input = TinyModels.Save(TinyModels.SmallCnn(), _folder, "cnn.onnx");
        string int8 = Path.Combine(_folder, "cnn-int8.onnx");
        var converter = new ModelConverter();
        converter.Convert(input, int8, new ConversionOptions(Precision.Int8Dynamic, null, "min-max", 99.99, "cpu"));

        var e = Assert.Throws<QuantizationException>(() =>
            converter.Convert(int8, Path.Combine(_folder, "again.onnx"), new ConversionOptions(Precision.Int8, null, "min-max", 99.99, "cpu")));
        Assert.Equal(Core.ErrorKind.Usage, e.Kind);
        Assert.Contains("already quantized", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    private sealed class AllFloat16Except(string opType) : IFloat16Kernels
    {
        public string? Unsupported(NodeProto node, IReadOnlyList<int> inputTypes, IReadOnlyList<int> outputTypes, IReadOnlyList<OperatorSetIdProto> opsets) =>
            node.OpType == opType ? "no float16 kernel (test)" : null;
    }

    private sealed class AllFloat16 : IFloat16Kernels
    {
        public string? Unsupported(NodeProto node, IReadOnlyList<int> inputTypes, IReadOnlyList<int> outputTypes, IReadOnlyList<OperatorSetIdProto> opsets) => null;
    }
}
