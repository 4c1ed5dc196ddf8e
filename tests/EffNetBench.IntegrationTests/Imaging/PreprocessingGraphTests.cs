using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Imaging;
using EffNetBench.IntegrationTests.Evaluation.Eval;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Imaging;

/// <summary>
/// The in-graph preprocessing against our managed <see cref="Preprocessor"/> and a float PIL-style reference, on PNGs
/// (lossless, so every side decodes the same pixels; JPEG decoders differ). The Preprocessor reproduces Pillow's resize
/// byte for byte (ResamplerTests), which rounds and clips to 8 bits between its horizontal and vertical passes; the
/// graph's Resize (antialias = 1, cubic a = -0.5, half-pixel) keeps floats between them. On these noisy textures the
/// cubic overshoots often, so values differ where Pillow clipped: measured at most 6.85 8-bit levels, 0.15 on average,
/// for every variant and direction (bilinear, which cannot overshoot: at most 1). Against the float reference, which
/// does not clip, the graph is within one level.
/// </summary>
// In the run collection: a test there sets EFFNET_BENCH_ORT_EXTENSIONS, which OrtExtensions reads.
[Collection(Run.RunCollection.Name)]
public sealed class PreprocessingGraphTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [SkippableTheory]
    [InlineData("b0", 123, 301, "nchw", "rgb", 8.0, 0.2)]    // enlarge 123 -> 256 (portrait), crop 224
    [InlineData("b0", 123, 301, "nhwc", "rgb", 8.0, 0.2)]
    [InlineData("b0", 123, 301, "nchw", "bgr", 8.0, 0.2)]
    [InlineData("b3", 123, 301, "nchw", "rgb", 8.0, 0.2)]    // resize 332, crop 300
    [InlineData("lite0", 123, 301, "nchw", "rgb", 8.0, 0.2)] // (x - 127) / 128 on bytes
    [InlineData("v2-s", 500, 375, "nchw", "rgb", 1.5, 0.15)]  // bilinear, 375 -> 384, no crop
    [InlineData("b0", 500, 375, "nchw", "rgb", 8.0, 0.2)]    // shrink 375 -> 256, crop 224
    [InlineData("b3", 500, 375, "nchw", "rgb", 8.0, 0.2)]    // shrink 375 -> 332, crop 300
    public void The_graph_tensor_is_close_to_the_managed_preprocessors_pillow_resize(
        string variant, int width, int height, string layout, string channels, double maxLevels, double meanLevels)
    {
        Skip.If(EndToEndImages.ExtensionsUnavailable is not null, EndToEndImages.ExtensionsUnavailable);
        Preprocessing p = Preprocessing.ForZooVariant(variant) with
        {
            Layout = layout == "nhwc" ? TensorLayout.Nhwc : TensorLayout.Nchw,
            Channels = channels == "bgr" ? ChannelOrder.Bgr : ChannelOrder.Rgb,
        };
        string path = _files.Save("image.png", EndToEndImages.Png(EndToEndImages.Textured(width, height, seed: 7)));

        (float[] graph, long[] shape) = RunPreprocessing(p, File.ReadAllBytes(path));

        long r = p.Resolution;
        long[] expectedShape = layout == "nhwc" ? [1, r, r, 3] : [1, 3, r, r];
        Assert.Equal(expectedShape, shape);
        (double worst, double mean, int off) = Differences(graph, Managed(path, p), Level(p));
        Assert.True(worst <= maxLevels && mean <= meanLevels,
            $"from the Preprocessor: largest {worst}, mean {mean} 8-bit levels, {off} of {graph.Length} values differ (stated: {maxLevels}, {meanLevels})");
    }

    [SkippableTheory]
    [InlineData("b0")] // shrink 375 -> 256, crop 224
    [InlineData("b3")] // shrink 375 -> 332, crop 300
    public void Shrinking_the_graph_tensor_equals_a_float_pil_style_resample(string variant)
    {
        Skip.If(EndToEndImages.ExtensionsUnavailable is not null, EndToEndImages.ExtensionsUnavailable);
        Preprocessing p = Preprocessing.ForZooVariant(variant);
        string path = _files.Save("image.png", EndToEndImages.Png(EndToEndImages.Textured(500, 375, seed: 7)));
        using DecodeResult decoded = ImageDecoder.Decode(path);

        (float[] graph, _) = RunPreprocessing(p, File.ReadAllBytes(path));

        (double worst, double mean, int off) = Differences(graph, PilStyleReference.Preprocess(decoded.Image!, p), Level(p));
        Assert.True(worst <= 1 + 1e-3, $"largest difference from the PIL-style reference {worst} 8-bit levels");
        Assert.True(off <= 0.001 * graph.Length, $"{off} of {graph.Length} values differ from the PIL-style reference; mean {mean} levels");
    }

    [SkippableFact]
    public void DecodeImage_gives_the_decoded_size_and_a_library_without_it_is_a_reason_not_a_fallback()
    {
        Skip.If(EndToEndImages.ExtensionsUnavailable is not null, EndToEndImages.ExtensionsUnavailable);
        string path = _files.Save("size.png", EndToEndImages.Png(EndToEndImages.Textured(50, 37, seed: 1)));
        byte[] bytes = File.ReadAllBytes(path);

        Assert.Equal((50, 37), OrtExtensions.Probe(bytes));
        EndToEndImage image = EndToEndImage.Load(path);
        Assert.Equal((path, 50, 37, (string?)null), (image.Path, image.Width, image.Height, image.Unavailable));
        Assert.Equal(bytes, image.Bytes);

        // Options without the extension ops: session creation finds no DecodeImage kernel.
        var e = Assert.Throws<EndToEndUnavailableException>(() => OrtExtensions.Probe(bytes, _ => { }));
        Assert.StartsWith("the ONNX Runtime Extensions library here has no DecodeImage op (com.microsoft.extensions): ", e.Message);
        EndToEndImage without = EndToEndImage.Load(path, b => OrtExtensions.Probe(b, _ => { }));
        Assert.Equal((null, null, e.Message), (without.Width, without.Height, without.Unavailable));

        // A PNG DecodeImage rejects (a signature, then junk) says so too. (Never feed it non-PNG junk: 0.14.0 hands
        // anything that is not a PNG to libjpeg, whose default error handler ends the process.)
        byte[] junk = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var garbage = Assert.Throws<EndToEndUnavailableException>(() => OrtExtensions.Probe(junk));
        Assert.StartsWith("DecodeImage (onnxruntime-extensions) cannot decode the image: ", garbage.Message);
    }

    [Fact]
    public void A_library_path_that_does_not_exist_is_a_reason()
    {
        using var options = new SessionOptions();
        string missing = _files.PathOf("libnothing.so");

        var e = Assert.Throws<EndToEndUnavailableException>(() => OrtExtensions.Register(options, missing));

        Assert.Equal($"the ONNX Runtime Extensions library {missing} (from {OrtExtensions.EnvironmentVariable}) does not exist", e.Message);
    }

    [SkippableTheory]
    [InlineData("nchw")]
    [InlineData("nhwc")]
    public void A_composed_classifier_gives_the_top1_the_model_gives_on_the_managed_tensor(string layout)
    {
        Skip.If(EndToEndImages.ExtensionsUnavailable is not null, EndToEndImages.ExtensionsUnavailable);
        bool nhwc = layout == "nhwc";
        string model = _files.PathOf("colour.onnx");
        if (nhwc)
        {
            SaveNhwcColourClassifier(model);
        }
        else
        {
            ColourClassifier.Save(model);
        }

        Preprocessing p = Preprocessing.ForZooVariant("b0") with
        {
            Resolution = ColourClassifier.Resolution,
            Layout = nhwc ? TensorLayout.Nhwc : TensorLayout.Nchw,
        };
        byte[] composed = PreprocessingGraph.Compose(ModelProto.Parser.ParseFrom(File.ReadAllBytes(model)), Preprocessing.ForZooVariant("b0")).ToByteArray();
        using var options = new SessionOptions();
        OrtExtensions.Register(options);
        using var endToEnd = new InferenceSession(composed, options);
        using var plain = new InferenceSession(model);
        Assert.Equal([PreprocessingGraph.InputName], endToEnd.InputNames);

        SKColor[] tints = [new(230, 40, 40), new(40, 230, 40), new(40, 40, 230)];
        for (int expected = 0; expected < 3; expected++)
        {
            string path = _files.Save($"tint{expected}.png", EndToEndImages.Png(EndToEndImages.Textured(64, 48, seed: expected, tints[expected])));
            float[] fromBytes = Logits(endToEnd, PreprocessingGraph.InputName, OrtValue.CreateTensorValueFromMemory(File.ReadAllBytes(path), [new FileInfo(path).Length]));
            long r = p.Resolution;
            float[] fromTensor = Logits(plain, "input", OrtValue.CreateTensorValueFromMemory(Managed(path, p), nhwc ? [1, r, r, 3] : [1, 3, r, r]));

            Assert.Equal(expected, ArgMax(fromTensor));
            Assert.Equal(ArgMax(fromTensor), ArgMax(fromBytes));
            for (int c = 0; c < 3; c++)
            {
                // Scores are channel means of the 8x8 crop; the graph keeps floats between its resize passes where Pillow
                // (the Preprocessor) rounds, which moves a mean by less than about one 8-bit level (0.0175).
                Assert.True(Math.Abs(fromBytes[c] - fromTensor[c]) < 0.02, $"class {c}: {fromBytes[c]} from bytes, {fromTensor[c]} from the managed tensor");
            }
        }
    }

    /// <summary>One 8-bit step in the normalised unit of the widest channel.</summary>
    private static double Level(Preprocessing p) => p.Scale / 255.0 / p.Std.Min();

    private static (double Worst, double Mean, int Off) Differences(float[] actual, float[] expected, double level)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0, sum = 0;
        int off = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(actual[i] - expected[i]) / level;
            worst = Math.Max(worst, difference);
            sum += difference;
            off += difference > 1e-3 ? 1 : 0;
        }

        return (worst, sum / expected.Length, off);
    }

    private static (float[] Values, long[] Shape) RunPreprocessing(Preprocessing p, byte[] image)
    {
        using var options = new SessionOptions();
        OrtExtensions.Register(options);
        using var session = new InferenceSession(PreprocessingGraph.Build(p).ToByteArray(), options);
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(image, [image.Length]);
        using var run = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(run, [PreprocessingGraph.InputName], [input], session.OutputNames);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[0].GetTensorTypeAndShape().Shape);
    }

    private static float[] Managed(string path, Preprocessing p)
    {
        using DecodeResult decoded = ImageDecoder.Decode(path);
        var values = new float[p.ElementCount];
        Preprocessor.Fill(decoded.Image!, p, values);
        return values;
    }

    private static float[] Logits(InferenceSession session, string input, OrtValue value)
    {
        using (value)
        {
            using var run = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(run, [input], [value], session.OutputNames);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());

    /// <summary>The colour classifier for NHWC input [1,8,8,3]: ReduceMean over H and W gives each channel's mean as its class score.</summary>
    private static void SaveNhwcColourClassifier(string path)
    {
        var shape = new TensorShapeProto();
        foreach (long d in new long[] { 1, ColourClassifier.Resolution, ColourClassifier.Resolution, 3 })
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        var graph = new GraphProto { Name = "colour-nhwc" };
        graph.Input.Add(new ValueInfoProto { Name = "input", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } });
        graph.Output.Add(new ValueInfoProto { Name = "logits", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } } });
        var mean = new NodeProto { OpType = "ReduceMean", Name = "mean" };
        mean.Input.Add("input");
        mean.Output.Add("logits");
        var axes = new AttributeProto { Name = "axes", Type = AttributeProto.Types.AttributeType.Ints };
        axes.Ints.Add([1, 2]);
        mean.Attribute.Add(axes);
        mean.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        graph.Node.Add(mean);
        var model = new ModelProto { IrVersion = 8, ProducerName = "effnet-bench-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        File.WriteAllBytes(path, model.ToByteArray());
    }
}
