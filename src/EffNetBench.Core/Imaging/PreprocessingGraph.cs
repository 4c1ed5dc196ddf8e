using System.Globalization;
using Google.Protobuf;
using Onnx;

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
        new Writer(graph, Prefix).Preprocess(p, outputName);
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
        new Writer(composed, prefix).Preprocess(fitted, image.Name);
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
        graph.Output.Add(Tensor("decoded_shape", TensorProto.Types.DataType.Int64, [3]));
        var writer = new Writer(graph, Prefix);
        string decoded = writer.Decode(ChannelOrder.Rgb);
        writer.NodeTo("Shape", [decoded], "decoded_shape");
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
                    node.Attribute.Add(new AttributeProto { Name = "num_outputs", Type = AttributeProto.Types.AttributeType.Int, I = node.Output.Count });
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

    private static ModelProto NewModel(GraphProto graph)
    {
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = Zoo.EfficientNetOnnx.Producer,
            ProducerVersion = ToolVersion.Current,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = ExtensionsDomain, Version = 1 });
        return model;
    }

    private static ValueInfoProto BytesInput()
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "encoded_bytes" });
        return new ValueInfoProto
        {
            Name = InputName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Uint8, Shape = shape } },
        };
    }

    private static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (long d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }

    /// <summary>Appends prefixed nodes and constants to a graph.</summary>
    private sealed class Writer(GraphProto graph, string prefix)
    {
        private int _count;

        public void Preprocess(Preprocessing p, string output)
        {
            string hwc = Decode(p.Channels);

            // Resize target: the shorter side becomes S, the longer S * long / short truncated (int64 Div), at least S.
            long s = p.ResizeSize;
            string shape = Node("Shape", [hwc]);
            string height = Node("Slice", [shape, Ints([0]), Ints([1])]);
            string width = Node("Slice", [shape, Ints([1]), Ints([2])]);
            string shorter = Node("Min", [height, width]);
            string hw = Node("Slice", [shape, Ints([0]), Ints([2])]);
            string resized = Node("Max", [Node("Div", [Node("Mul", [hw, Ints([s])]), shorter]), Ints([s])]);
            string sizes = Node("Concat", [Ints([1, 3]), resized], Int("axis", 0));

            string nchw = Node("Unsqueeze", [Node("Transpose", [hwc], Ints("perm", 2, 0, 1)), Ints([0])]);
            string floats = Node("Cast", [nchw], Int("to", (long)TensorProto.Types.DataType.Float));
            string scaled = Node("Resize", [floats, string.Empty, string.Empty, sizes], ResizeAttributes(p.Interpolation));

            // Crop origin round((size - R) / 2), half to even like Python's round (ONNX Round is half to even).
            long r = p.Resolution;
            string margin = Node("Sub", [resized, Ints([r])]);
            string half = Node("Div", [Node("Cast", [margin], Int("to", (long)TensorProto.Types.DataType.Float)), Floats([2f], [1])]);
            string starts = Node("Cast", [Node("Round", [half])], Int("to", (long)TensorProto.Types.DataType.Int64));
            string ends = Node("Add", [starts, Ints([r, r])]);
            string cropped = Node("Slice", [scaled, starts, ends, Ints([2, 3])]);

            // The Preprocessor reads 8-bit pixels of a resized bitmap: clip and round as that bitmap's bytes are.
            string pixels = Node("Round", [Node("Clip", [cropped, Floats([0f], []), Floats([255f], [])])]);

            var gain = new float[3];
            var offset = new float[3];
            for (int c = 0; c < 3; c++)
            {
                // Decoded in the requested channel order, so channel c holds source (RGB) channel s; mean and std are by source.
                int source = p.Channels == ChannelOrder.Bgr ? 2 - c : c;
                gain[c] = (float)(p.Scale / 255.0 / p.Std[source]);
                offset[c] = (float)(-(double)p.Mean[source] / p.Std[source]);
            }

            string product = Node("Mul", [pixels, Floats(gain, [1, 3, 1, 1])]);
            if (p.Layout == TensorLayout.Nchw)
            {
                NodeTo("Add", [product, Floats(offset, [1, 3, 1, 1])], output);
            }
            else
            {
                NodeTo("Transpose", [Node("Add", [product, Floats(offset, [1, 3, 1, 1])])], output, Ints("perm", 0, 2, 3, 1));
            }
        }

        public string Decode(ChannelOrder channels)
        {
            string output = Name("decoded");
            var node = new NodeProto { OpType = DecodeOp, Domain = ExtensionsDomain, Name = prefix + "DecodeImage" };
            node.Input.Add(InputName);
            node.Output.Add(output);
            node.Attribute.Add(new AttributeProto
            {
                Name = "color_space",
                Type = AttributeProto.Types.AttributeType.String,
                S = ByteString.CopyFromUtf8(channels == ChannelOrder.Bgr ? "bgr" : "rgb"),
            });
            graph.Node.Add(node);
            return output;
        }

        public string NodeTo(string opType, string[] inputs, string output, params AttributeProto[] attributes)
        {
            var node = new NodeProto { OpType = opType, Name = Name(opType + "_node") };
            node.Input.AddRange(inputs);
            node.Output.Add(output);
            node.Attribute.AddRange(attributes);
            graph.Node.Add(node);
            return output;
        }

        private string Node(string opType, string[] inputs, params AttributeProto[] attributes) => NodeTo(opType, inputs, Name(opType), attributes);

        private static AttributeProto[] ResizeAttributes(Interpolation interpolation)
        {
            List<AttributeProto> attributes = [Str("coordinate_transformation_mode", "half_pixel")];
            switch (interpolation)
            {
                case Interpolation.Bicubic:
                    attributes.Add(Str("mode", "cubic"));
                    attributes.Add(new AttributeProto { Name = "cubic_coeff_a", Type = AttributeProto.Types.AttributeType.Float, F = CubicCoefficient });
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

        private string Name(string what) => prefix + what + "_" + (_count++).ToString(CultureInfo.InvariantCulture);

        private string Ints(long[] values)
        {
            var tensor = new TensorProto { Name = Name("const"), DataType = (int)TensorProto.Types.DataType.Int64 };
            tensor.Dims.Add(values.Length);
            tensor.Int64Data.AddRange(values);
            graph.Initializer.Add(tensor);
            return tensor.Name;
        }

        private string Floats(float[] values, long[] dims)
        {
            var tensor = new TensorProto { Name = Name("const"), DataType = (int)TensorProto.Types.DataType.Float };
            tensor.Dims.AddRange(dims);
            tensor.FloatData.AddRange(values);
            graph.Initializer.Add(tensor);
            return tensor.Name;
        }

        private static AttributeProto Ints(string name, params long[] values)
        {
            var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
            attribute.Ints.AddRange(values);
            return attribute;
        }

        private static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

        private static AttributeProto Str(string name, string value) =>
            new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };
    }
}
