using EffNetBench.Core.OnnxModels;
using Google.Protobuf;
using Onnx;
using static EffNetBench.Core.OnnxModels.OnnxGraphBuilder;

namespace EffNetBench.Core.Providers;

/// <summary>A tiny in-memory model (input [1,3,8,8] -> Conv 3->4 k3 pads 1 -> Relu) whose output is known exactly.</summary>
internal static class ProbeModel
{
    public const string InputName = "input";
    public const string OutputName = "output";
    public const int Channels = 3, Filters = 4, Size = 8, Kernel = 3;

    public static readonly long[] InputShape = [1, Channels, Size, Size];

    private static readonly Lazy<byte[]> Model = new(Build);

    public static byte[] Bytes => Model.Value;

    /// <summary>An all-ones input, so each output is (1/27) x the number of in-bounds taps: 1 inside, 12/27 in a corner.</summary>
    public static float[] Input() => Enumerable.Repeat(1f, Channels * Size * Size).ToArray();

    /// <summary>Null when the output is what the model computes; otherwise what was wrong, in one line.</summary>
    public static string? Check(ReadOnlySpan<float> output)
    {
        const double tolerance = 1e-2; // loose enough for TensorRT fp16
        if (output.Length != Filters * Size * Size)
        {
            return $"ran but returned {output.Length} values instead of {Filters * Size * Size}";
        }

        int plane = Size * Size;
        for (int f = 0; f < Filters; f++)
        {
            double centre = output[(f * plane) + (Size / 2 * Size) + (Size / 2)];
            double corner = output[f * plane];
            if (Math.Abs(centre - 1.0) > tolerance || Math.Abs(corner - (12.0 / 27.0)) > tolerance)
            {
                return FormattableString.Invariant($"ran but computed wrong values (filter {f}: centre {centre:G6}, expected 1; corner {corner:G6}, expected 0.444444)");
            }
        }

        return null;
    }

    private static byte[] Build()
    {
        var graph = new OnnxGraphBuilder("effnet_bench_provider_probe");
        graph.Graph.Input.Add(FloatTensor(InputName, 1, Channels, Size, Size));
        int weightCount = Filters * Channels * Kernel * Kernel;
        string w = graph.Initializer("conv.weight", Floats(weightCount, 1f / (Channels * Kernel * Kernel)), Filters, Channels, Kernel, Kernel);
        string b = graph.Initializer("conv.bias", Floats(Filters, 0f), Filters);
        string x = graph.Node("Conv", "conv", [InputName, w, b], "conv", Ints("kernel_shape", Kernel, Kernel), Ints("pads", 1, 1, 1, 1));
        graph.Node("Relu", "relu", [x], OutputName);
        graph.Graph.Output.Add(FloatTensor(OutputName, 1, Filters, Size, Size));

        return OnnxModelFile.Create(graph.Graph, 17).ToByteArray();
    }

    private static byte[] Floats(int count, float value)
    {
        var bytes = new byte[count * sizeof(float)];
        for (int i = 0; i < count; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(float)), value);
        }

        return bytes;
    }
}
