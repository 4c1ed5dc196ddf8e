using System.Runtime.InteropServices;
using EffNetBench.Core.OnnxModels;
using Onnx;
using static EffNetBench.Core.OnnxModels.OnnxGraphBuilder;

namespace EffNetBench.Core.Zoo;

/// <summary>Writes an architecture as an ONNX graph (opset 17, NCHW float32) with deterministic synthetic weights.</summary>
internal sealed class EfficientNetGraphWriter
{
    private readonly EfficientNetArchitecture _arch;
    private readonly ExportOptions _options;
    private readonly OnnxGraphBuilder _graph;
    private ulong _tensorCounter;
    private int _size;
    private bool _relu6BoundsAdded;

    private EfficientNetGraphWriter(EfficientNetArchitecture arch, ExportOptions options)
    {
        _arch = arch;
        _options = options;
        _graph = new OnnxGraphBuilder(arch.Name);
        _size = arch.Resolution;
    }

    public static GraphProto Write(EfficientNetArchitecture arch, ExportOptions options) =>
        new EfficientNetGraphWriter(arch, options).WriteGraph();

    private GraphProto WriteGraph()
    {
        object batch = _options.Batch is int b ? b : ExportOptions.BatchDimension;
        _graph.Graph.Input.Add(FloatTensor(ExportOptions.InputName, batch, EfficientNetArchitecture.InputChannels, _arch.Resolution, _arch.Resolution));

        // Input taken as a normalised image: zero mean, unit variance per channel.
        var moments = ChannelMoments.Uniform(EfficientNetArchitecture.InputChannels, 0, 1);
        string x = ConvBn("stem", ExportOptions.InputName, ref moments, _arch.StemChannels,
            EfficientNetArchitecture.StemKernel, EfficientNetArchitecture.StemStride, groups: 1, activate: true);

        for (int i = 0; i < _arch.Blocks.Length; i++)
        {
            x = Block($"blocks.{i}", _arch.Blocks[i], x, ref moments);
            if (_options.ExposeBlockOutputs)
            {
                _graph.Graph.Output.Add(TensorOfAnyShape(x));
            }
        }

        x = ConvBn("head", x, ref moments, _arch.HeadChannels, 1, 1, groups: 1, activate: true);
        x = _graph.Node("GlobalAveragePool", "head.pool", [x], "head.pool");
        x = _graph.Node("Flatten", "head.flatten", [x], "head.flatten", Int("axis", 1));

        // Dropout is training-only and is not in the inference graph.
        string w = _graph.Initializer("classifier.weight", UniformWeights(_arch.NumClasses * _arch.HeadChannels, Math.Sqrt(3.0 / _arch.HeadChannels)), _arch.NumClasses, _arch.HeadChannels);
        string bias = _graph.Initializer("classifier.bias", UniformWeights(_arch.NumClasses, 0.1), _arch.NumClasses);
        _graph.Node("Gemm", "classifier", [x, w, bias], ExportOptions.OutputName, Int("transB", 1));
        _graph.Graph.Output.Add(FloatTensor(ExportOptions.OutputName, batch, _arch.NumClasses));
        return _graph.Graph;
    }

    private string Block(string name, MbConvBlock block, string input, ref ChannelMoments moments)
    {
        ChannelMoments inputMoments = moments;
        int mid = block.ExpandedChannels;

        // A residual branch ends in a BN with a small scale (the idea behind zero-init-residual training):
        // the identity path carries the stream, so the stream neither grows with depth nor compounds errors.
        double branchScale = block.HasResidual ? ResidualBranchScale : 1.0;
        string x = input;
        if (block.Fused)
        {
            x = ConvBn($"{name}.fused", x, ref moments, block.HasExpansion ? mid : block.OutChannels, block.Kernel, block.Stride, 1, activate: true);
            if (block.HasExpansion)
            {
                x = ConvBn($"{name}.project", x, ref moments, block.OutChannels, 1, 1, 1, activate: false, branchScale);
            }
        }
        else
        {
            if (block.HasExpansion)
            {
                x = ConvBn($"{name}.expand", x, ref moments, mid, 1, 1, 1, activate: true);
            }

            x = ConvBn($"{name}.dw", x, ref moments, mid, block.Kernel, block.Stride, groups: mid, activate: true);
            if (block.SeChannels > 0)
            {
                x = SqueezeExcite($"{name}.se", x, ref moments, block.SeChannels);
            }

            x = ConvBn($"{name}.project", x, ref moments, block.OutChannels, 1, 1, 1, activate: false, branchScale);
        }

        if (!block.HasResidual)
        {
            return x;
        }

        moments = inputMoments.Add(moments);
        return _graph.Node("Add", $"{name}.add", [input, x], $"{name}.add");
    }

    private const double ResidualBranchScale = 0.3;

    /// <summary>Conv (no bias) -> BatchNorm [-> activation], with BN folded into the conv or kept as a node.</summary>
    private string ConvBn(string name, string input, ref ChannelMoments moments, int outChannels, int kernel, int stride, int groups, bool activate, double gammaScale = 1.0)
    {
        int inChannels = moments.Channels;
        int inPerGroup = inChannels / groups;
        int taps = inPerGroup * kernel * kernel;
        byte[] weightBytes = UniformWeights(outChannels * taps, 1.0);
        Span<float> weights = MemoryMarshal.Cast<byte, float>(weightBytes.AsSpan());

        var runningMean = new float[outChannels];
        var runningVar = new float[outChannels];
        if (!_options.StructureOnly)
        {
            PredictOutputStatistics(weights, moments, kernel, stride, groups, runningMean, runningVar);
        }

        var rng = NextRandom();
        float[] gamma = Enumerable.Range(0, outChannels).Select(_ => (float)(gammaScale * rng.NextDouble(0.8, 1.2))).ToArray();
        float[] beta = Enumerable.Range(0, outChannels).Select(_ => (float)rng.NextDouble(-0.2, 0.2)).ToArray();
        _size = ArchitectureCounter.OutputSize(_size, stride);
        long[] dims = [outChannels, inPerGroup, kernel, kernel];
        var convAttributes = new[]
        {
            Ints("kernel_shape", kernel, kernel),
            Ints("strides", stride, stride),
            Ints("pads", kernel / 2, kernel / 2, kernel / 2, kernel / 2),
            Ints("dilations", 1, 1),
            Int("group", groups),
        };

        string x;
        if (_options.BatchNorm == BatchNormMode.Keep)
        {
            string w = _graph.Initializer($"{name}.weight", weightBytes, dims);
            x = _graph.Node("Conv", $"{name}.conv", [input, w], $"{name}.conv", convAttributes);
            string[] bnInputs =
            [
                x,
                _graph.Initializer($"{name}.bn.scale", ToBytes(gamma), outChannels),
                _graph.Initializer($"{name}.bn.bias", ToBytes(beta), outChannels),
                _graph.Initializer($"{name}.bn.mean", ToBytes(runningMean), outChannels),
                _graph.Initializer($"{name}.bn.var", ToBytes(runningVar), outChannels),
            ];
            x = _graph.Node("BatchNormalization", $"{name}.bn", bnInputs, $"{name}.bn", Float("epsilon", (float)EfficientNetArchitecture.BatchNormEpsilon));
        }
        else
        {
            var bias = new float[outChannels];
            for (int o = 0; o < outChannels && !_options.StructureOnly; o++)
            {
                double scale = gamma[o] / Math.Sqrt(runningVar[o] + EfficientNetArchitecture.BatchNormEpsilon);
                bias[o] = (float)(beta[o] - (runningMean[o] * scale));
                Span<float> row = weights.Slice(o * taps, taps);
                for (int t = 0; t < taps; t++)
                {
                    row[t] = (float)(row[t] * scale);
                }
            }

            string w = _graph.Initializer($"{name}.weight", weightBytes, dims);
            string b = _graph.Initializer($"{name}.bias", ToBytes(bias), outChannels);
            x = _graph.Node("Conv", $"{name}.conv", [input, w, b], $"{name}.conv", convAttributes);
        }

        moments = _options.StructureOnly ? ChannelMoments.Uniform(outChannels, 0, 1)
            : activate ? ChannelMoments.AfterBatchNormAndActivation(gamma, beta, _arch.Activation)
            : ChannelMoments.AfterBatchNorm(gamma, beta);
        return activate ? Activation(name, x, _arch.Activation) : x;
    }

    private void PredictOutputStatistics(ReadOnlySpan<float> weights, ChannelMoments moments, int kernel, int stride, int groups, float[] runningMean, float[] runningVar)
    {
        int outChannels = runningMean.Length;
        int inPerGroup = moments.Channels / groups;
        int outPerGroup = outChannels / groups;
        int taps = inPerGroup * kernel * kernel;

        // Predicted statistics of the conv output on this input: running mean/var that make BN normalise it.
        // Positions near the border see fewer taps (zero padding), so the mean varies over positions and that
        // spread is variance too: sum over the border patterns exactly rather than assume every tap is inside.
        var patterns = TapPattern.Of(_size, kernel, stride);
        for (int o = 0; o < outChannels; o++)
        {
            int firstInput = o / outPerGroup * inPerGroup;
            ReadOnlySpan<float> row = weights.Slice(o * taps, taps);
            double mean = 0, secondMoment = 0;
            foreach (TapPattern py in patterns)
            {
                foreach (TapPattern px in patterns)
                {
                    double share = py.Share * px.Share, m = 0, v = 0;
                    for (int c = 0; c < inPerGroup; c++)
                    {
                        double cm = moments.Mean[firstInput + c], cv = moments.Variance[firstInput + c];
                        for (int ty = py.First; ty < py.End; ty++)
                        {
                            for (int tx = px.First; tx < px.End; tx++)
                            {
                                float w = row[(((c * kernel) + ty) * kernel) + tx];
                                m += w * cm;
                                v += w * w * cv;
                            }
                        }
                    }

                    mean += share * m;
                    secondMoment += share * (v + (m * m));
                }
            }

            runningMean[o] = (float)mean;
            runningVar[o] = (float)Math.Max(secondMoment - (mean * mean), 1e-4);
        }
    }

    private string SqueezeExcite(string name, string input, ref ChannelMoments moments, int seChannels)
    {
        int channels = moments.Channels;
        string pooled = _graph.Node("GlobalAveragePool", $"{name}.pool", [input], $"{name}.pool");

        // The pooled vector is each channel's mean; pushing it through the SE convs predicts the gate exactly.
        byte[] w1 = UniformWeights(seChannels * channels, Math.Sqrt(3.0 / channels));
        byte[] b1 = UniformWeights(seChannels, 0.1);
        byte[] w2 = UniformWeights(channels * seChannels, Math.Sqrt(3.0 / seChannels));
        byte[] b2 = UniformWeights(channels, 1.0, offset: 1.0); // gate bias in [0, 2): gates mostly 0.5-0.9
        if (!_options.StructureOnly)
        {
            double[] hidden = Dense(w1, b1, moments.Mean).Select(z => ChannelMoments.Activate(ActivationKind.Silu, z)).ToArray();
            moments = moments.Scale(Dense(w2, b2, hidden).Select(z => 1 / (1 + Math.Exp(-z))).ToArray());
        }

        string x = _graph.Node("Conv", $"{name}.reduce", [pooled, _graph.Initializer($"{name}.reduce.weight", w1, seChannels, channels, 1, 1), _graph.Initializer($"{name}.reduce.bias", b1, seChannels)], $"{name}.reduce", Ints("kernel_shape", 1, 1));
        x = Activation($"{name}.reduce", x, ActivationKind.Silu);
        x = _graph.Node("Conv", $"{name}.expand", [x, _graph.Initializer($"{name}.expand.weight", w2, channels, seChannels, 1, 1), _graph.Initializer($"{name}.expand.bias", b2, channels)], $"{name}.expand", Ints("kernel_shape", 1, 1));
        x = _graph.Node("Sigmoid", $"{name}.gate", [x], $"{name}.gate");
        return _graph.Node("Mul", $"{name}.scale", [input, x], $"{name}.scale");
    }

    private string Activation(string name, string input, ActivationKind activation)
    {
        if (activation == ActivationKind.Relu6)
        {
            // Clip bounds as attributes are gone since opset 11; share one pair of scalar initializers.
            if (!_relu6BoundsAdded)
            {
                _graph.Initializer("relu6.min", ToBytes([0f]));
                _graph.Initializer("relu6.max", ToBytes([6f]));
                _relu6BoundsAdded = true;
            }

            return _graph.Node("Clip", $"{name}.relu6", [input, "relu6.min", "relu6.max"], $"{name}.relu6");
        }

        // SiLU as Sigmoid + Mul, the form PyTorch's exporter emits at opset 17.
        string sigmoid = _graph.Node("Sigmoid", $"{name}.sigmoid", [input], $"{name}.sigmoid");
        return _graph.Node("Mul", $"{name}.silu", [input, sigmoid], $"{name}.silu");
    }

    private static double[] Dense(byte[] weightBytes, byte[] biasBytes, double[] input)
    {
        ReadOnlySpan<float> w = MemoryMarshal.Cast<byte, float>(weightBytes.AsSpan());
        ReadOnlySpan<float> b = MemoryMarshal.Cast<byte, float>(biasBytes.AsSpan());
        var output = new double[b.Length];
        for (int o = 0; o < output.Length; o++)
        {
            double sum = b[o];
            for (int i = 0; i < input.Length; i++)
            {
                sum += w[(o * input.Length) + i] * input[i];
            }

            output[o] = sum;
        }

        return output;
    }

    /// <summary>Uniform values in [offset - scale, offset + scale) from this tensor's own stream.</summary>
    private byte[] UniformWeights(int count, double scale, double offset = 0)
    {
        if (_options.StructureOnly)
        {
            return [];
        }

        var bytes = new byte[count * sizeof(float)];
        Span<float> values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        var rng = NextRandom();
        float s = (float)scale, c = (float)offset;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = c + (s * rng.NextSymmetric());
        }

        return bytes;
    }

    /// <summary>Each tensor draws from its own stream, derived from the seed and its position in the graph.</summary>
    private SplitMix64 NextRandom()
    {
        var mixer = new SplitMix64(_options.Seed ^ (0xD1B54A32D192ED03UL * ++_tensorCounter));
        return new SplitMix64(mixer.NextUInt64());
    }

    private static byte[] ToBytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
