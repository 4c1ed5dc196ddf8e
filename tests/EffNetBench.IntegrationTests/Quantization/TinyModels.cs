using System.Runtime.InteropServices;
using EffNetBench.Core.OnnxModels;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EffNetBench.IntegrationTests.Quantization;

/// <summary>Small float32 models for the converter, and running them on ONNX Runtime's CPU provider.</summary>
internal static class TinyModels
{
    /// <summary>x [1,2,1,1] -> Conv(W = [1, 2] as [1,2,1,1], B = [0.1]) -> y [1,1,1,1].</summary>
    public static ModelProto OneConv()
    {
        var b = new OnnxGraphBuilder("one_conv");
        b.Graph.Input.Add(OnnxGraphBuilder.FloatTensor("x", 1, 2, 1, 1));
        b.Initializer("w", Bytes([1f, 2f]), 1, 2, 1, 1);
        b.Initializer("b", Bytes([0.1f]), 1);
        b.Node("Conv", "conv", ["x", "w", "b"], "y", OnnxGraphBuilder.Ints("kernel_shape", 1, 1));
        b.Graph.Output.Add(OnnxGraphBuilder.FloatTensor("y", 1, 1, 1, 1));
        return OnnxModelFile.Create(b.Graph, 17);
    }

    /// <summary>A small CNN with EfficientNet's ops: Conv 3->8 3x3 + SiLU, squeeze-excite-like GAP, Flatten, Gemm 8->4.
    /// Weights from a fixed seed; input [batch, 3, 16, 16] with a symbolic batch.</summary>
    public static ModelProto SmallCnn(int seed = 7)
    {
        var random = new Random(seed);
        float[] Weights(int n, float scale) => [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1) * scale)];
        var b = new OnnxGraphBuilder("small_cnn");
        b.Graph.Input.Add(OnnxGraphBuilder.FloatTensor("input", "batch", 3, 16, 16));
        b.Initializer("conv.w", Bytes(Weights(8 * 3 * 3 * 3, 0.4f)), 8, 3, 3, 3);
        b.Initializer("conv.b", Bytes(Weights(8, 0.1f)), 8);
        b.Node("Conv", "conv", ["input", "conv.w", "conv.b"], "conv", OnnxGraphBuilder.Ints("kernel_shape", 3, 3), OnnxGraphBuilder.Ints("pads", 1, 1, 1, 1));
        b.Node("Sigmoid", "sig", ["conv"], "sig");
        b.Node("Mul", "silu", ["conv", "sig"], "silu");
        b.Node("GlobalAveragePool", "pool", ["silu"], "pool");
        b.Node("Flatten", "flatten", ["pool"], "flat", OnnxGraphBuilder.Int("axis", 1));
        b.Initializer("fc.w", Bytes(Weights(4 * 8, 0.5f)), 4, 8);
        b.Initializer("fc.b", Bytes(Weights(4, 0.1f)), 4);
        b.Node("Gemm", "fc", ["flat", "fc.w", "fc.b"], "logits", OnnxGraphBuilder.Int("transB", 1));
        b.Graph.Output.Add(OnnxGraphBuilder.FloatTensor("logits", "batch", 4));
        return OnnxModelFile.Create(b.Graph, 17);
    }

    public static byte[] Bytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static string Save(ModelProto model, string folder, string name)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    /// <summary>Runs the model's single input with <paramref name="values"/> shaped <paramref name="shape"/>; returns the first output.</summary>
    public static float[] Run(string path, float[] values, long[] shape)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(path, options);
        string input = session.InputMetadata.Keys.Single();
        using OrtValue value = OrtValue.CreateTensorValueFromMemory(values, shape);
        using var run = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> results = session.Run(run, [input], [value], [session.OutputMetadata.Keys.First()]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Uniform [-1, 1) values, as the synthetic calibration and the benchmarks feed.</summary>
    public static float[] Uniform(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
    }
}
