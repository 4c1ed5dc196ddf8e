using System.Collections.Immutable;
using EffNetBench.Core.OnnxModels;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace EffNetBench.Core.Quantization;

/// <summary>
/// FP16: float32 weights become float16 and nodes compute in float16, except nodes the provider has no float16
/// kernel for (<see cref="IFloat16Kernels"/>), which stay float32 with Casts around them (their weights too are stored in
/// float16, behind a Cast to float32 that ONNX Runtime folds at load). Graph inputs and outputs stay
/// float32, with a Cast at the boundary. One Cast per tensor and direction, placed right after the tensor's producer.
/// Constant, Cast, Shape-like nodes (no float input) are left as they are and not counted.
/// </summary>
internal static class Float16Converter
{
    private const int F32 = (int)DataType.Float;
    private const int F16 = (int)DataType.Float16;

    /// <summary>Inputs whose type is float32 whatever the data type (Resize's scales).</summary>
    private static bool AlwaysFloat32(NodeProto node, int slot) => node.OpType == "Resize" && slot == 2;

    public static (int Converted, ImmutableArray<KeptFloatNode> Kept) Convert(ModelProto model, IFloat16Kernels kernels)
    {
        GraphProto graph = model.Graph;
        Dictionary<string, int> types = TensorTypes(model);
        var initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var opsets = model.OpsetImport.ToList();
        var half = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        var kept = ImmutableArray.CreateBuilder<KeptFloatNode>();
        foreach (NodeProto node in graph.Node)
        {
            int[] ins = [.. node.Input.Select(t => t.Length == 0 ? 0 : types.GetValueOrDefault(t))];
            int[] outs = [.. node.Output.Select(t => t.Length == 0 ? 0 : types.GetValueOrDefault(t))];
            bool floatIn = ins.Where((t, i) => t == F32 && !AlwaysFloat32(node, i)).Any();
            if (!floatIn || node.OpType is "Constant" or "Cast" or "CastLike")
            {
                continue;
            }

            int[] ins16 = [.. ins.Select((t, i) => t == F32 && !AlwaysFloat32(node, i) ? F16 : t)];
            int[] outs16 = [.. outs.Select(t => t == F32 ? F16 : t)];
            string? reason = kernels.Unsupported(node, ins16, outs16, opsets);
            if (reason is null)
            {
                half.Add(node);
            }
            else
            {
                kept.Add(new KeptFloatNode(node.Name, node.OpType, reason));
            }
        }

        // Where each float tensor is available, and in which type.
        var produced16 = new HashSet<string>(StringComparer.Ordinal);
        foreach (NodeProto node in half)
        {
            foreach (string o in node.Output.Where(o => types.GetValueOrDefault(o) == F32))
            {
                produced16.Add(o);
            }
        }

        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var casts = new Dictionary<string, string>(StringComparer.Ordinal); // "tensor|type" -> cast output
        var castNodes = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal); // after which tensor
        var half16Initializers = new Dictionary<string, string>(StringComparer.Ordinal);
        var initializerCasts = new List<NodeProto>();
        var graphInputs = graph.Input.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);

        string Available(string tensor, int want)
        {
            bool is16 = produced16.Contains(tensor);
            if (initializers.TryGetValue(tensor, out TensorProto? init) && init.DataType == F32)
            {
                // Weights (more than one element) are stored in float16 even for a node kept in float32, which reads
                // them through a Cast (folded at session load when graph optimisation is on); scalars stay as they are.
                bool weight = init.Dims.Aggregate(1L, (a, d) => a * d) > 1 && !graphInputs.Contains(tensor);
                if (want == F32 && !weight)
                {
                    return tensor;
                }

                if (!half16Initializers.TryGetValue(tensor, out string? name))
                {
                    name = tensor + "_fp16";
                    graph.Initializer.Add(ToFloat16(init, name));
                    half16Initializers[tensor] = name;
                }

                if (want == F16)
                {
                    return name;
                }

                if (!casts.TryGetValue(tensor + "|init", out string? widened))
                {
                    widened = name + "_to_fp32";
                    var cast = QdqQuantizer.Node("Cast", widened + "_Cast", [name], widened);
                    cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = F32 });
                    casts[tensor + "|init"] = widened;
                    initializerCasts.Add(cast);
                }

                return widened;
            }

            string source = is16 && graphOutputs.Contains(tensor) ? tensor + "_fp16" : tensor;
            if (is16 == (want == F16))
            {
                return source;
            }

            string key = tensor + "|" + want;
            if (!casts.TryGetValue(key, out string? output))
            {
                output = tensor + (want == F16 ? "_to_fp16" : "_to_fp32");
                var cast = QdqQuantizer.Node("Cast", output + "_Cast", [source], output);
                cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = want });
                casts[key] = output;
                (castNodes.TryGetValue(tensor, out List<NodeProto>? list) ? list : castNodes[tensor] = []).Add(cast);
            }

            return output;
        }

        foreach (NodeProto node in graph.Node.ToList())
        {
            bool is16 = half.Contains(node);
            for (int i = 0; i < node.Input.Count; i++)
            {
                string t = node.Input[i];
                if (t.Length > 0 && types.GetValueOrDefault(t) == F32)
                {
                    node.Input[i] = Available(t, is16 && !AlwaysFloat32(node, i) ? F16 : F32);
                }
            }
        }

        // Graph outputs made in float16: the producer writes tensor_fp16, a Cast writes the float32 output.
        foreach (string output in graphOutputs.Where(produced16.Contains))
        {
            NodeProto producer = graph.Node.First(n => n.Output.Contains(output));
            producer.Output[producer.Output.IndexOf(output)] = output + "_fp16";
            var cast = QdqQuantizer.Node("Cast", output + "_Cast", [output + "_fp16"], output);
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = F32 });
            (castNodes.TryGetValue(output, out List<NodeProto>? list) ? list : castNodes[output] = []).Add(cast);
        }

        var ordered = new List<NodeProto>(initializerCasts);
        foreach (ValueInfoProto input in graph.Input)
        {
            if (castNodes.TryGetValue(input.Name, out List<NodeProto>? list))
            {
                ordered.AddRange(list);
            }
        }

        foreach (NodeProto node in graph.Node)
        {
            ordered.Add(node);
            foreach (string o in node.Output)
            {
                string original = o.EndsWith("_fp16", StringComparison.Ordinal) && graphOutputs.Contains(o[..^5]) ? o[..^5] : o;
                if (castNodes.TryGetValue(original, out List<NodeProto>? list))
                {
                    ordered.AddRange(list);
                }
            }
        }

        graph.Node.Clear();
        graph.Node.AddRange(ordered);
        graph.ValueInfo.Clear(); // float32 shapes of tensors now float16: ONNX Runtime infers them again
        QdqQuantizer.RemoveUnused(graph);
        return (half.Count, kept.ToImmutable());
    }

    private static TensorProto ToFloat16(TensorProto init, string name)
    {
        float[] values = Initializers.Floats(init);
        var halves = new Half[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            halves[i] = (Half)values[i];
        }

        var tensor = Initializers.Make(name, DataType.Float16, halves, init.Dims);
        return tensor;
    }

    /// <summary>Every tensor's element type, as ONNX Runtime infers it: a copy of the model with every node output as a
    /// graph output, loaded without optimisation (nothing is run).</summary>
    internal static Dictionary<string, int> TensorTypes(ModelProto model)
    {
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (TensorProto init in model.Graph.Initializer)
        {
            types[init.Name] = init.DataType;
        }

        foreach (ValueInfoProto input in model.Graph.Input)
        {
            types.TryAdd(input.Name, input.Type?.TensorType?.ElemType ?? 0);
        }

        ModelProto copy = model.Clone();
        var outputs = copy.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string o in copy.Graph.Node.SelectMany(n => n.Output).Where(o => o.Length > 0))
        {
            if (outputs.Add(o))
            {
                copy.Graph.Output.Add(new ValueInfoProto { Name = o });
            }
        }

        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        using var session = new InferenceSession(copy.ToByteArray(), options);
        foreach ((string name, NodeMetadata meta) in session.OutputMetadata)
        {
            if (meta.IsTensor)
            {
                types[name] = ElementType(meta.ElementDataType);
            }
        }

        return types;
    }

    /// <summary>ONNX Runtime's element type codes are ONNX's TensorProto.DataType codes.</summary>
    private static int ElementType(TensorElementType t) => (int)t;
}
