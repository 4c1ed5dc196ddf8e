using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Quantization;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EffNetBench.IntegrationTests.Quantization;

/// <summary>
/// The QDQ graphs the converter writes must become integer kernels in ONNX Runtime, or INT8 would time float
/// convolutions wrapped in Q/DQ. With int8 (S8S8) activations, ORT 1.31's CPU provider leaves a QDQ Conv whose output
/// reaches an Add or Mul unfused; with the uint8 activations the converter writes, everything fuses.
/// </summary>
public sealed class QdqFusionTests
{
    [Theory]
    [InlineData("Add", "QLinearAdd")]
    [InlineData("Mul", "QLinearMul")]
    [InlineData("Sigmoid", "QLinearSigmoid")]
    public void ConvolutionsFeedingElementwiseOpsFuseIntoIntegerKernels(string op, string fused)
    {
        // x -> Conv c1 -> p -> Conv c2 -> y; then op(p, y) (binary) or op(y), as EfficientNet's residuals and SiLU.
        var random = new Random(1);
        float[] W(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5))];
        var b = new OnnxGraphBuilder("fusion");
        b.Graph.Input.Add(OnnxGraphBuilder.FloatTensor("x", 1, 8, 8, 8));
        b.Initializer("w1", TinyModels.Bytes(W(64)), 8, 8, 1, 1);
        b.Initializer("b1", TinyModels.Bytes(W(8)), 8);
        b.Initializer("w2", TinyModels.Bytes(W(64)), 8, 8, 1, 1);
        b.Initializer("b2", TinyModels.Bytes(W(8)), 8);
        b.Node("Conv", "c1", ["x", "w1", "b1"], "p", OnnxGraphBuilder.Ints("kernel_shape", 1, 1));
        b.Node("Conv", "c2", ["p", "w2", "b2"], "y", OnnxGraphBuilder.Ints("kernel_shape", 1, 1));
        b.Node(op, "op", op == "Sigmoid" ? ["y"] : ["p", "y"], "out");
        b.Graph.Output.Add(OnnxGraphBuilder.FloatTensor("out", 1, 8, 8, 8));
        ModelProto model = OnnxModelFile.Create(b.Graph, 17);
        QdqQuantizer.Rewrite(model, new Dictionary<string, (float, float)> { ["x"] = (-1, 1), ["p"] = (-2, 2), ["y"] = (-2, 2), ["out"] = (-3, 3) });

        string[] ops = Optimized(model);
        Assert.DoesNotContain("Conv", ops);
        Assert.Equal(2, ops.Count(o => o == "QLinearConv"));
        Assert.Contains(fused, ops);
    }

    /// <summary>The op types of the graph ONNX Runtime runs (extended optimisation, before the NHWC layout pass).</summary>
    internal static string[] Optimized(ModelProto model)
    {
        string saved = Path.Combine(Path.GetTempPath(), $"effnet-bench-fusion-{Guid.NewGuid():N}.onnx");
        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OptimizedModelFilePath = saved };
            using (new InferenceSession(model.ToByteArray(), options))
            {
            }

            return [.. ModelProto.Parser.ParseFrom(File.ReadAllBytes(saved)).Graph.Node.Select(n => n.OpType)];
        }
        finally
        {
            File.Delete(saved);
        }
    }
}
