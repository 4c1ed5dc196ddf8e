using System.Collections.Immutable;
using EffNetBench.Core.Quantization.Calibration;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace EffNetBench.Core.Quantization;

/// <summary>
/// Static INT8 in the QDQ format ONNX Runtime documents (onnxruntime.ai/docs/performance/model-optimizations/quantization.html;
/// onnxruntime/python/tools/quantization/qdq_quantizer.py): every activation tensor that a quantizable node reads or
/// writes gets one QuantizeLinear -> DequantizeLinear pair, per tensor, uint8 asymmetric (U8S8 with the int8 weights).
/// Not quantize_static's default QInt8 (S8S8): with int8 activations, ONNX Runtime 1.31's CPU provider leaves every
/// QDQ Conv whose output reaches an Add or Mul (EfficientNet's SiLU and residuals: two thirds of B0's convolutions)
/// unfused, i.e. float convolutions between Q/DQ pairs, while with uint8 it fuses them all into QLinearConv,
/// QLinearAdd and QLinearMul (checked by QdqFusionTests);
/// Conv, Gemm and MatMul weights are stored int8, symmetric per output channel (zero point 0, scale = max|w| / 127) behind
/// a DequantizeLinear; Conv and Gemm biases are stored int32 with scale = input scale x weight scale, zero point 0 (ORT's
/// quantize_bias_static). Reshape-like ops and MaxPool give their output the input's parameters, so ORT can drop their
/// pairs. Everything else stays float32 and is listed.
/// </summary>
internal static class QdqQuantizer
{
    /// <summary>Ops whose float inputs (and outputs) are quantized, with the input slots that carry activations.</summary>
    private static readonly Dictionary<string, int[]> ActivationSlots = new(StringComparer.Ordinal)
    {
        ["Conv"] = [0],
        ["Gemm"] = [0],
        ["MatMul"] = [0, 1],
        ["Add"] = [0, 1],
        ["Mul"] = [0, 1],
        ["Sigmoid"] = [0],
        ["Relu"] = [0],
        ["LeakyRelu"] = [0],
        ["Clip"] = [0],
        ["Softmax"] = [0],
        ["GlobalAveragePool"] = [0],
        ["AveragePool"] = [0],
        ["Concat"] = [],
        ["Resize"] = [0],
        ["Pad"] = [0],
        ["MaxPool"] = [0],
        ["Reshape"] = [0],
        ["Flatten"] = [0],
        ["Transpose"] = [0],
        ["Squeeze"] = [0],
        ["Unsqueeze"] = [0],
    };

    /// <summary>Ops whose output takes the input's scale and zero point (ORT's QDQDirect8BitOp / drop-QDQ group).</summary>
    private static readonly HashSet<string> SameAsInput = new(StringComparer.Ordinal) { "MaxPool", "Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze" };

    public static bool IsQuantizable(string opType) => ActivationSlots.ContainsKey(opType);

    /// <summary>The nodes to quantize and the activation tensors to calibrate.</summary>
    public static (List<NodeProto> Nodes, List<string> Tensors) Plan(ModelProto model)
    {
        var initializers = model.Graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var nodes = new List<NodeProto>();
        var tensors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (NodeProto node in model.Graph.Node)
        {
            if (node.Domain is not ("" or "ai.onnx") || !ActivationSlots.TryGetValue(node.OpType, out int[]? slots))
            {
                continue;
            }

            IEnumerable<int> inputs = node.OpType == "Concat" ? Enumerable.Range(0, node.Input.Count) : slots;
            string[] activations = [.. inputs.Where(s => s < node.Input.Count && node.Input[s].Length > 0 && !initializers.ContainsKey(node.Input[s])).Select(s => node.Input[s])];
            if (activations.Length == 0)
            {
                continue;
            }

            nodes.Add(node);
            foreach (string t in activations.Append(node.Output[0]))
            {
                if (seen.Add(t))
                {
                    tensors.Add(t);
                }
            }
        }

        return (nodes, tensors);
    }

    /// <summary>Rewrites <paramref name="model"/> in place. Tensors without a range (not float at run time) stay float,
    /// and so do the nodes that read them.</summary>
    /// <param name="types">Each tensor's element type when known: nodes without any float32 tensor (shape arithmetic)
    /// are then not listed as kept in float.</param>
    public static (int Converted, ImmutableArray<KeptFloatNode> Kept) Rewrite(
        ModelProto model, IReadOnlyDictionary<string, (float Lo, float Hi)> ranges, IReadOnlyDictionary<string, int>? types = null)
    {
        GraphProto graph = model.Graph;
        HashSet<NodeProto>? floatNodes = types is null ? null
            : graph.Node.Where(n => n.Input.Concat(n.Output).Any(t => types.GetValueOrDefault(t) == (int)DataType.Float)).ToHashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        (List<NodeProto> planned, _) = Plan(model);
        var initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var quantize = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        var parameters = new Dictionary<string, QuantParams>(StringComparer.Ordinal);
        foreach (NodeProto node in planned)
        {
            int[] slots = node.OpType == "Concat" ? [.. Enumerable.Range(0, node.Input.Count)] : ActivationSlots[node.OpType];
            string[] activations = [.. slots.Where(s => s < node.Input.Count && node.Input[s].Length > 0 && !initializers.ContainsKey(node.Input[s])).Select(s => node.Input[s])];
            if (!activations.All(ranges.ContainsKey) || !ranges.ContainsKey(node.Output[0]))
            {
                continue;
            }

            quantize.Add(node);
            foreach (string t in activations)
            {
                parameters.TryAdd(t, Params(ranges[t]));
            }

            string output = node.Output[0];
            if (SameAsInput.Contains(node.OpType) && parameters.TryGetValue(node.Input[0], out QuantParams inherited))
            {
                parameters[output] = inherited;
            }
            else
            {
                parameters.TryAdd(output, Params(ranges[output]));
            }
        }

        var prefix = new List<NodeProto>();
        var after = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        var dequantized = new Dictionary<string, string>(StringComparer.Ordinal);
        var renamedOutputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string tensor, QuantParams p) in parameters)
        {
            string source = tensor;
            string result = tensor + "_DequantizeLinear_Output";
            if (graphOutputs.Contains(tensor))
            {
                source = tensor + "_prequant";
                renamedOutputs[tensor] = source;
                result = tensor;
            }

            graph.Initializer.Add(Initializers.Scalar(tensor + "_scale", p.Scale));
            graph.Initializer.Add(Initializers.Make(tensor + "_zero_point", DataType.Uint8, [(byte)p.ZeroPoint], []));
            var q = Node("QuantizeLinear", tensor + "_QuantizeLinear", [source, tensor + "_scale", tensor + "_zero_point"], tensor + "_QuantizeLinear_Output");
            var dq = Node("DequantizeLinear", tensor + "_DequantizeLinear", [tensor + "_QuantizeLinear_Output", tensor + "_scale", tensor + "_zero_point"], result);
            if (!after.TryGetValue(tensor, out List<NodeProto>? list))
            {
                after[tensor] = list = [];
            }

            list.Add(q);
            list.Add(dq);
            if (result != tensor)
            {
                dequantized[tensor] = result;
            }
        }

        var weightNodes = new List<NodeProto>();
        int converted = 0;
        foreach (NodeProto node in quantize)
        {
            converted++;
            if (node.OpType is "Conv" or "Gemm" or "MatMul" && node.Input.Count > 1 && initializers.TryGetValue(node.Input[1], out TensorProto? weight)
                && weight.DataType == (int)DataType.Float)
            {
                QuantizeWeights(graph, node, weight, initializers, parameters, weightNodes);
            }
        }

        // Consumers read the dequantized tensors; the Q nodes read the originals (or the renamed graph outputs).
        foreach (NodeProto node in graph.Node)
        {
            for (int i = 0; i < node.Input.Count; i++)
            {
                if (dequantized.TryGetValue(node.Input[i], out string? dq))
                {
                    node.Input[i] = dq;
                }
            }

            for (int i = 0; i < node.Output.Count; i++)
            {
                if (renamedOutputs.TryGetValue(node.Output[i], out string? renamed))
                {
                    node.Output[i] = renamed;
                }
            }
        }

        var ordered = new List<NodeProto>(weightNodes);
        var graphInputs = graph.Input.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach ((string tensor, List<NodeProto> pair) in after)
        {
            if (graphInputs.Contains(tensor))
            {
                ordered.AddRange(pair);
            }
        }

        foreach (NodeProto node in graph.Node)
        {
            ordered.Add(node);
            foreach (string output in node.Output)
            {
                string original = renamedOutputs.FirstOrDefault(r => r.Value == output).Key ?? output;
                if (after.TryGetValue(original, out List<NodeProto>? pair))
                {
                    ordered.AddRange(pair);
                }
            }
        }

        graph.Node.Clear();
        graph.Node.AddRange(ordered);
        RemoveUnused(graph);

        var kept = graph.Node.Where(n => !quantize.Contains(n) && n.OpType is not ("QuantizeLinear" or "DequantizeLinear" or "Constant" or "Shape" or "Size")
                && (floatNodes is null || floatNodes.Contains(n)))
            .Select(n => new KeptFloatNode(n.Name, n.OpType, IsQuantizable(n.OpType)
                ? "inputs not float32 activations at run time"
                : n.OpType == "BatchNormalization"
                    ? "not quantizable (fold BatchNormalization into the convolutions first: export --bn fold)"
                    : "not quantizable (no QDQ rule for this operator in ONNX Runtime's quantizer)"))
            .ToImmutableArray();
        return (converted, kept);
    }

    private static QuantParams Params((float Lo, float Hi) range) => QuantParams.AsymmetricUnsigned(range.Lo, range.Hi);

    /// <summary>Weight-only INT8 (`int8-dynamic`): the Conv, Gemm and MatMul weights stored int8 per channel behind a
    /// DequantizeLinear, activations and biases float32.</summary>
    public static (int Converted, ImmutableArray<KeptFloatNode> Kept) WeightOnly(ModelProto model)
    {
        GraphProto graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var weightNodes = new List<NodeProto>();
        var converted = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        foreach (NodeProto node in graph.Node)
        {
            if (node.Domain is "" or "ai.onnx" && node.OpType is "Conv" or "Gemm" or "MatMul" && node.Input.Count > 1
                && initializers.TryGetValue(node.Input[1], out TensorProto? weight) && weight.DataType == (int)DataType.Float)
            {
                QuantizeWeights(graph, node, weight, initializers, [], weightNodes);
                converted.Add(node);
            }
        }

        var ordered = weightNodes.Concat(graph.Node).ToList();
        graph.Node.Clear();
        graph.Node.AddRange(ordered);
        RemoveUnused(graph);
        var kept = graph.Node.Where(n => !converted.Contains(n) && n.OpType is not ("DequantizeLinear" or "Constant"))
            .Select(n => new KeptFloatNode(n.Name, n.OpType, "no weights to store in int8 (weight-only quantization)"))
            .ToImmutableArray();
        return (converted.Count, kept);
    }

    private static void QuantizeWeights(GraphProto graph, NodeProto node, TensorProto weight, Dictionary<string, TensorProto> initializers,
        Dictionary<string, QuantParams> parameters, List<NodeProto> weightNodes)
    {
        long[] dims = [.. weight.Dims];
        float[] w = Initializers.Floats(weight);
        int axis = node.OpType switch
        {
            "Conv" => 0,
            "Gemm" => node.Attribute.FirstOrDefault(a => a.Name == "transB")?.I == 1 ? 0 : 1,
            _ => dims.Length == 2 ? 1 : -1,
        };
        if (node.OpType == "Gemm" && dims.Length != 2)
        {
            axis = -1;
        }

        float[] scales = WeightScales(w, dims, axis);
        string name = Unique(graph, weight.Name + "_" + (node.Name.Length > 0 ? node.Name : node.OpType));
        sbyte[] q = QuantizeWeights(w, dims, axis, scales);
        graph.Initializer.Add(Initializers.Make(name + "_quantized", DataType.Int8, q, dims));
        graph.Initializer.Add(Initializers.Make(name + "_scale", DataType.Float, scales, axis < 0 ? [] : [scales.Length]));
        graph.Initializer.Add(Initializers.Make(name + "_zero_point", DataType.Int8, new sbyte[scales.Length], axis < 0 ? [] : [scales.Length]));
        var dq = Node("DequantizeLinear", name + "_DequantizeLinear", [name + "_quantized", name + "_scale", name + "_zero_point"], name + "_DequantizeLinear_Output");
        if (axis >= 0)
        {
            dq.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = axis });
        }

        weightNodes.Add(dq);
        node.Input[1] = dq.Output[0];

        // Bias (Conv's and Gemm's input 2, one per output channel): int32 at input scale x weight scale.
        bool plainGemm = node.OpType != "Gemm"
            || (node.Attribute.FirstOrDefault(a => a.Name == "alpha")?.F ?? 1f) == 1f && (node.Attribute.FirstOrDefault(a => a.Name == "beta")?.F ?? 1f) == 1f;
        if (node.OpType is "Conv" or "Gemm" && plainGemm && node.Input.Count > 2 && initializers.TryGetValue(node.Input[2], out TensorProto? bias)
            && bias.DataType == (int)DataType.Float && bias.Dims.Count == 1 && parameters.TryGetValue(node.Input[0], out QuantParams input)
            && (axis >= 0 ? scales.Length : 1) is int channels && bias.Dims[0] == (axis >= 0 ? channels : bias.Dims[0]))
        {
            float[] b = Initializers.Floats(bias);
            var biasScales = new float[b.Length];
            var bq = new int[b.Length];
            for (int c = 0; c < b.Length; c++)
            {
                biasScales[c] = input.Scale * scales[axis >= 0 ? c : 0];
                bq[c] = (int)Math.Clamp(Math.Round(b[c] / (double)biasScales[c], MidpointRounding.ToEven), int.MinValue, int.MaxValue);
            }

            string bname = Unique(graph, bias.Name + "_" + (node.Name.Length > 0 ? node.Name : node.OpType));
            graph.Initializer.Add(Initializers.Make(bname + "_quantized", DataType.Int32, bq, [b.Length]));
            graph.Initializer.Add(Initializers.Make(bname + "_scale", DataType.Float, biasScales, [b.Length]));
            var bdq = Node("DequantizeLinear", bname + "_DequantizeLinear", [bname + "_quantized", bname + "_scale"], bname + "_DequantizeLinear_Output");
            bdq.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
            weightNodes.Add(bdq);
            node.Input[2] = bdq.Output[0];
        }

    }

    /// <summary><paramref name="stem"/>, with underscores appended until no initializer starts with it plus "_quantized"
    /// (a weight shared by unnamed nodes).</summary>
    private static string Unique(GraphProto graph, string stem)
    {
        while (graph.Initializer.Any(i => i.Name == stem + "_quantized"))
        {
            stem += "_";
        }

        return stem;
    }

    /// <summary>max|w| / 127 per slice along <paramref name="axis"/> (one scale when axis is -1).</summary>
    internal static float[] WeightScales(float[] w, long[] dims, int axis)
    {
        (int channels, int inner) = Layout(dims, axis);
        var absMax = new float[channels];
        for (int i = 0; i < w.Length; i++)
        {
            int c = channels == 1 ? 0 : (i / inner) % channels;
            absMax[c] = Math.Max(absMax[c], Math.Abs(w[i]));
        }

        return Array.ConvertAll(absMax, a => QuantParams.Symmetric(a).Scale);
    }

    internal static sbyte[] QuantizeWeights(float[] w, long[] dims, int axis, float[] scales)
    {
        (int channels, int inner) = Layout(dims, axis);
        var q = new sbyte[w.Length];
        for (int i = 0; i < w.Length; i++)
        {
            int c = channels == 1 ? 0 : (i / inner) % channels;
            q[i] = new QuantParams(scales[c], 0).Quantize(w[i]);
        }

        return q;
    }

    private static (int Channels, int Inner) Layout(long[] dims, int axis)
    {
        if (axis < 0)
        {
            return (1, 1);
        }

        int inner = 1;
        for (int d = axis + 1; d < dims.Length; d++)
        {
            inner *= (int)dims[d];
        }

        return ((int)dims[axis], inner);
    }

    internal static NodeProto Node(string op, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    /// <summary>Drops initializers no node reads any more (the float weights now stored int8).</summary>
    internal static void RemoveUnused(GraphProto graph)
    {
        var read = graph.Node.SelectMany(n => n.Input).Concat(graph.Output.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        var dead = graph.Initializer.Where(i => !read.Contains(i.Name)).ToList();
        foreach (TensorProto t in dead)
        {
            graph.Initializer.Remove(t);
        }

        var deadInputs = graph.Input.Where(i => dead.Any(d => d.Name == i.Name)).ToList();
        foreach (ValueInfoProto i in deadInputs)
        {
            graph.Input.Remove(i);
        }
    }
}
