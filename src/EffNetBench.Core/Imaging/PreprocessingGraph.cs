using System.Globalization;
using EffNetBench.Core.OnnxModels;
using Onnx;
using static EffNetBench.Core.OnnxModels.OnnxGraphBuilder;

namespace EffNetBench.Core.Imaging;

/// <summary>
/// The ONNX graph that turns an encoded image into a model input, the torchvision / timm eval transform:
/// <c>image_bytes</c> (uint8[N], a whole PNG or JPEG file) -> DecodeImage (onnxruntime-extensions, RGB HWC uint8) ->
/// HWC to NCHW -> float -> Resize of the shorter side to <see cref="Preprocessing.ResizeSize"/>, the longer side scaled
/// and truncated (sizes computed in the graph from the decoded shape) -> centre crop (Slice, torchvision's
/// half-to-even origin) -> clip and round to 8-bit values, as PIL's and Skia's resized bitmaps are -> x * gain + offset
/// per channel (gain = Scale / 255 / std, offset = -mean / std: scale /255, subtract mean, divide std folded into the
/// Preprocessor's own float constants) -> NHWC when the model wants it.
/// </summary>
/// <remarks>
/// Resize is PIL's: cubic_coeff_a = -0.5 (PIL's bicubic), half-pixel centres, and antialias = 1, which widens the
/// kernel by the shrink factor as PIL does (measured: within one 8-bit level of a float PIL-style resample). Our managed
/// <see cref="Preprocessor"/> reproduces Pillow byte for byte, which also rounds and clips to 8 bits between its two
/// passes; the graph keeps floats there, so where the cubic overshoots the two differ by a few levels (noisy textures:
/// at most 6.85, 0.15 on average). ONNX Runtime 1.31's non-antialiased cubic kernel would also be slow: about 50 ms
/// for a 256x341 output, 15 times the whole antialiased graph, so the "preprocessing"
/// share would measure that kernel. antialias needs opset 18: a model importing 13-17 is raised to 18 (see
/// <see cref="Compose"/>).
/// </remarks>
public static class PreprocessingGraph
{
    public const string InputName = "image_bytes";
    public const string ExtensionsDomain = "com.microsoft.extensions";
    public const string DecodeOp = "DecodeImage";
    public const int MinimumOpset = 13;

    /// <summary>The default-domain opset of the preprocessing (Resize's antialias attribute).</summary>
    public const int Opset = 18;

    /// <summary>Prefix of every name the preprocessing adds to a composed graph.</summary>
    public const string Prefix = "e2e_pre/";

    /// <summary>cubic_coeff_a of PIL's bicubic, the Preprocessor's.</summary>
    public const float CubicCoefficient = -0.5f;

    /// <summary>The preprocessing alone: <see cref="InputName"/> -> <paramref name="outputName"/> (float, [1,3,R,R] or [1,R,R,3]).</summary>
    public static ModelProto Build(Preprocessing p, string outputName = "pixel_values")
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        var graph = new GraphProto { Name = "effnet-bench preprocessing" };
        graph.Input.Add(BytesInput());
        long r = p.Resolution;
        graph.Output.Add(Tensor(outputName, TensorProto.Types.DataType.Float, p.Layout == TensorLayout.Nchw ? [1, 3, r, r] : [1, r, r, 3]));
        new Writer(new OnnxGraphBuilder(graph, Prefix)).Preprocess(p, outputName);
        return NewModel(graph);
    }

    /// <summary>
    /// <paramref name="model"/> with its image input fed by the preprocessing: one graph whose only input is
    /// <see cref="InputName"/> and whose outputs are the model's. The model itself is not copied: its graph is moved
    /// into the result (the caller gives it up). A model importing opset 13-17 is raised to 18, the only change that
    /// needs being the Reduce ops' axes, which move from an attribute to an input; a graph with an op whose meaning
    /// changed otherwise (RoiAlign before 16) or with model-local functions is refused.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no single float NCHW/NHWC image input of fixed square
    /// size, its opset is below 13, or it cannot be raised to 18.</exception>
    public static ModelProto Compose(ModelProto model, Preprocessing p)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(p);
        ImageInputShape image = FindImageInput(model);
        Preprocessing fitted = image.Fit(p);
        fitted.Validate();

        int opset = DefaultOpset(model);
        if (opset < MinimumOpset)
        {
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"the model imports ONNX opset {opset}; the in-graph preprocessing needs opset {MinimumOpset} or later"));
        }

        if (opset < Opset && model.Functions.Count > 0)
        {
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"the model imports ONNX opset {opset} and has model-local functions; the in-graph preprocessing needs opset {Opset}: export the model at opset {Opset}"));
        }

        GraphProto graph = model.Graph;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in graph.Input.Select(i => i.Name).Concat(graph.Output.Select(o => o.Name))
                     .Concat(graph.Initializer.Select(t => t.Name)).Concat(graph.ValueInfo.Select(v => v.Name))
                     .Concat(graph.Node.SelectMany(n => n.Output.Append(n.Name))))
        {
            taken.Add(name);
        }

        if (taken.Contains(InputName))
        {
            throw new NotSupportedException($"the model already has a value named '{InputName}', the composed graph's input");
        }

        string prefix = Prefix;
        while (taken.Any(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            prefix = "_" + prefix;
        }

        var composed = new GraphProto { Name = graph.Name + " + preprocessing", DocString = graph.DocString };
        composed.Input.Add(BytesInput());
        composed.Input.AddRange(graph.Input.Where(i => i.Name != image.Name)); // initializers listed as inputs (old IR) stay
        composed.Output.AddRange(graph.Output);
        composed.ValueInfo.Add(graph.Input.Single(i => i.Name == image.Name)); // the image tensor keeps its declared shape
        composed.ValueInfo.AddRange(graph.ValueInfo);
        composed.Initializer.AddRange(graph.Initializer);
        composed.SparseInitializer.AddRange(graph.SparseInitializer);
        new Writer(new OnnxGraphBuilder(composed, prefix)).Preprocess(fitted, image.Name);
        if (opset < Opset)
        {
            RaiseTo18(graph, composed, prefix, opset);
        }

        composed.Node.AddRange(graph.Node);

        var result = new ModelProto
        {
            IrVersion = Math.Max(model.IrVersion, 7),
            ProducerName = model.ProducerName,
            ProducerVersion = model.ProducerVersion,
            Domain = model.Domain,
            ModelVersion = model.ModelVersion,
            DocString = model.DocString,
            Graph = composed,
        };
        foreach (OperatorSetIdProto import in model.OpsetImport.Where(o => o.Domain != ExtensionsDomain))
        {
            bool standard = string.IsNullOrEmpty(import.Domain) || import.Domain == "ai.onnx";
            result.OpsetImport.Add(standard ? new OperatorSetIdProto { Domain = import.Domain, Version = Math.Max(import.Version, Opset) } : import);
        }

        result.OpsetImport.Add(new OperatorSetIdProto { Domain = ExtensionsDomain, Version = 1 });
        result.MetadataProps.AddRange(model.MetadataProps);
        result.Functions.AddRange(model.Functions);
        return result;
    }

    /// <summary>The smallest graph that exercises the op: <see cref="InputName"/> -> DecodeImage -> Shape ([H, W, 3]).</summary>
    public static ModelProto DecodeShapeProbe()
    {
        var graph = new GraphProto { Name = "effnet-bench DecodeImage probe" };
        graph.Input.Add(BytesInput());
        graph.Output.Add(Tensor("decoded_shape", TensorProto.Types.DataType.Int64, 3));
        var builder = new OnnxGraphBuilder(graph, Prefix);
        string decoded = new Writer(builder).Decode(ChannelOrder.Rgb);
        builder.NodeTo("Shape", [decoded], "decoded_shape");
        return NewModel(graph);
    }

    /// <summary>Reduce ops whose axes became an input in opset 18 (ReduceSum did in 13).</summary>
    private static readonly HashSet<string> ReduceWithAxesAttribute = new(StringComparer.Ordinal)
    {
        "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSumSquare",
    };

    /// <summary>
    /// Makes the model's nodes (subgraphs included) mean the same at opset 18 as at <paramref name="opset"/> (13-17):
    /// between them the Reduce ops changed signature (axes attribute -> input) and Split without a split input needs
    /// num_outputs; RoiAlign's default coordinate mode changed in 16, so such a graph is refused. Other ops only gained
    /// optional inputs, attributes or types.
    /// </summary>
    private static void RaiseTo18(GraphProto model, GraphProto composed, string prefix, int opset)
    {
        int count = 0;
        void Visit(GraphProto graph)
        {
            foreach (NodeProto node in graph.Node)
            {
                foreach (AttributeProto attribute in node.Attribute)
                {
                    if (attribute.G is not null)
                    {
                        Visit(attribute.G);
                    }

                    foreach (GraphProto sub in attribute.Graphs)
                    {
                        Visit(sub);
                    }
                }

                if (!string.IsNullOrEmpty(node.Domain) && node.Domain != "ai.onnx")
                {
                    continue;
                }

                if (node.OpType == "RoiAlign" && opset < 16)
                {
                    throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                        $"the model imports ONNX opset {opset} and uses RoiAlign, whose default coordinates changed in opset 16; the in-graph preprocessing needs opset {Opset}: export the model at opset {Opset}"));
                }

                // Split: opset 18 needs the split input or num_outputs; without the input it split into equal parts.
                if (node.OpType == "Split" && (node.Input.Count < 2 || string.IsNullOrEmpty(node.Input[1]))
                    && !node.Attribute.Any(a => a.Name == "num_outputs"))
                {
                    node.Attribute.Add(Int("num_outputs", node.Output.Count));
                    continue;
                }

                AttributeProto? axes = node.Attribute.FirstOrDefault(a => a.Name == "axes");
                if (!ReduceWithAxesAttribute.Contains(node.OpType) || axes is null)
                {
                    continue;
                }

                var tensor = new TensorProto
                {
                    Name = prefix + "opset18_axes_" + (count++).ToString(CultureInfo.InvariantCulture),
                    DataType = (int)TensorProto.Types.DataType.Int64,
                };
                tensor.Dims.Add(axes.Ints.Count);
                tensor.Int64Data.AddRange(axes.Ints);
                composed.Initializer.Add(tensor); // outer scope: visible to subgraphs too
                node.Attribute.Remove(axes);
                node.Input.Add(tensor.Name);
            }
        }

        Visit(model);
    }

    /// <summary>"resize 256 bicubic antialiased, crop 224, mean 0.485,0.456,0.406, std 0.229,0.224,0.225, rgb nchw": for results and reports.</summary>
    public static string Describe(Preprocessing p)
    {
        string Join(float[] values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        string scale = p.Scale == 1f ? "x/255" : p.Scale == 255f ? "x" : string.Create(CultureInfo.InvariantCulture, $"x*{p.Scale}/255");
        return string.Create(CultureInfo.InvariantCulture,
            $"resize {p.ResizeSize} {p.Interpolation.ToString().ToLowerInvariant()}{(p.Interpolation == Interpolation.Nearest ? string.Empty : " antialiased")}, crop {p.Resolution}, ({scale} - mean {Join(p.Mean)}) / std {Join(p.Std)}, {p.Channels.ToString().ToLowerInvariant()} {p.Layout.ToString().ToLowerInvariant()}");
    }

    /// <summary>The single non-initializer rank-4 float input, checked to be one image of a fixed square size (its
    /// layout as <see cref="ImageInputShape.Layout"/> reads it).</summary>
    internal static ImageInputShape FindImageInput(ModelProto model)
    {
        GraphProto graph = model.Graph ?? throw new NotSupportedException("the model has no graph");
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        List<ValueInfoProto> inputs = [.. graph.Input.Where(i => !initializers.Contains(i.Name))];
        if (inputs.Count != 1)
        {
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"the model has {inputs.Count} inputs; end-to-end feeds one image input"));
        }

        ValueInfoProto input = inputs[0];
        TypeProto.Types.Tensor? tensor = input.Type?.TensorType;
        if (tensor is null || tensor.ElemType != (int)TensorProto.Types.DataType.Float || tensor.Shape is null || tensor.Shape.Dim.Count != 4)
        {
            throw new NotSupportedException($"the model's input '{input.Name}' is not a rank-4 float image tensor");
        }

        var image = new ImageInputShape(input.Name, [.. tensor.Shape.Dim.Select(d => string.IsNullOrEmpty(d.DimParam) ? d.DimValue : 0)]);
        if (image.ChannelsIn(image.Layout) != 3 || image.SquareSideIn(image.Layout) is null || image.Batch is not (0 or 1))
        {
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"the model's input '{input.Name}' is [{string.Join(",", image.Dims.Select(d => d > 0 ? d.ToString(CultureInfo.InvariantCulture) : "?"))}]: end-to-end needs batch 1 (or dynamic), 3 channels and a fixed square size"));
        }

        return image;
    }

    private static int DefaultOpset(ModelProto model) =>
        (int)(model.OpsetImport.FirstOrDefault(o => string.IsNullOrEmpty(o.Domain) || o.Domain == "ai.onnx")?.Version ?? 0);

    private static ModelProto NewModel(GraphProto graph) => OnnxModelFile.Create(graph, Opset, (ExtensionsDomain, 1));

    private static ValueInfoProto BytesInput() => Tensor(InputName, TensorProto.Types.DataType.Uint8, "encoded_bytes");

    /// <summary>Appends the preprocessing's nodes and constants to a graph.</summary>
    private sealed class Writer(OnnxGraphBuilder graph)
    {
        public void Preprocess(Preprocessing p, string output)
        {
            string hwc = Decode(p.Channels);

            // Resize target: the shorter side becomes S, the longer S * long / short truncated (int64 Div), at least S.
            long s = p.ResizeSize;
            string shape = graph.Node("Shape", [hwc]);
            string height = graph.Node("Slice", [shape, graph.Int64Constant([0]), graph.Int64Constant([1])]);
            string width = graph.Node("Slice", [shape, graph.Int64Constant([1]), graph.Int64Constant([2])]);
            string shorter = graph.Node("Min", [height, width]);
            string hw = graph.Node("Slice", [shape, graph.Int64Constant([0]), graph.Int64Constant([2])]);
            string resized = graph.Node("Max", [graph.Node("Div", [graph.Node("Mul", [hw, graph.Int64Constant([s])]), shorter]), graph.Int64Constant([s])]);
            string sizes = graph.Node("Concat", [graph.Int64Constant([1, 3]), resized], Int("axis", 0));

            string nchw = graph.Node("Unsqueeze", [graph.Node("Transpose", [hwc], Ints("perm", 2, 0, 1)), graph.Int64Constant([0])]);
            string floats = graph.Node("Cast", [nchw], Int("to", (long)TensorProto.Types.DataType.Float));
            string scaled = graph.Node("Resize", [floats, string.Empty, string.Empty, sizes], ResizeAttributes(p.Interpolation));

            // Crop origin round((size - R) / 2), half to even like Python's round (ONNX Round is half to even).
            long r = p.Resolution;
            string margin = graph.Node("Sub", [resized, graph.Int64Constant([r])]);
            string half = graph.Node("Div", [graph.Node("Cast", [margin], Int("to", (long)TensorProto.Types.DataType.Float)), graph.FloatConstant([2f], [1])]);
            string starts = graph.Node("Cast", [graph.Node("Round", [half])], Int("to", (long)TensorProto.Types.DataType.Int64));
            string ends = graph.Node("Add", [starts, graph.Int64Constant([r, r])]);
            string cropped = graph.Node("Slice", [scaled, starts, ends, graph.Int64Constant([2, 3])]);

            // The Preprocessor reads 8-bit pixels of a resized bitmap: clip and round as that bitmap's bytes are.
            string pixels = graph.Node("Round", [graph.Node("Clip", [cropped, graph.FloatConstant([0f], []), graph.FloatConstant([255f], [])])]);

            var gain = new float[3];
            var offset = new float[3];
            for (int c = 0; c < 3; c++)
            {
                // Decoded in the requested channel order, so channel c holds source (RGB) channel s; mean and std are by source.
                int source = p.Channels == ChannelOrder.Bgr ? 2 - c : c;
                gain[c] = (float)(p.Scale / 255.0 / p.Std[source]);
                offset[c] = (float)(-(double)p.Mean[source] / p.Std[source]);
            }

            string product = graph.Node("Mul", [pixels, graph.FloatConstant(gain, [1, 3, 1, 1])]);
            if (p.Layout == TensorLayout.Nchw)
            {
                graph.NodeTo("Add", [product, graph.FloatConstant(offset, [1, 3, 1, 1])], output);
            }
            else
            {
                graph.NodeTo("Transpose", [graph.Node("Add", [product, graph.FloatConstant(offset, [1, 3, 1, 1])])], output, Ints("perm", 0, 2, 3, 1));
            }
        }

        public string Decode(ChannelOrder channels) =>
            graph.Node(DecodeOp, ExtensionsDomain, graph.Prefix + "DecodeImage", [InputName], graph.UniqueName("decoded"),
                Str("color_space", channels == ChannelOrder.Bgr ? "bgr" : "rgb"));

        private static AttributeProto[] ResizeAttributes(Interpolation interpolation)
        {
            List<AttributeProto> attributes = [Str("coordinate_transformation_mode", "half_pixel")];
            switch (interpolation)
            {
                case Interpolation.Bicubic:
                    attributes.Add(Str("mode", "cubic"));
                    attributes.Add(Float("cubic_coeff_a", CubicCoefficient));
                    attributes.Add(Int("exclude_outside", 0));
                    attributes.Add(Int("antialias", 1)); // PIL: the kernel widens by the shrink factor
                    break;
                case Interpolation.Bilinear:
                    attributes.Add(Str("mode", "linear"));
                    attributes.Add(Int("antialias", 1));
                    break;
                default:
                    // Skia's nearest takes floor((x + 0.5) * in / out): half_pixel, then ties upwards.
                    attributes.Add(Str("mode", "nearest"));
                    attributes.Add(Str("nearest_mode", "round_prefer_ceil"));
                    break;
            }

            return [.. attributes];
        }
    }
}
