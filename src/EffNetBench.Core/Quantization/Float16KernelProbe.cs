using System.Collections.Concurrent;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EffNetBench.Core.Quantization;

/// <summary>Whether a provider can run a node in float16.</summary>
public interface IFloat16Kernels
{
    /// <summary>Null when <paramref name="node"/> can run with its float inputs and outputs in float16, else why not.</summary>
    /// <param name="inputTypes">Each input's ONNX element type after conversion (float16 where it would become so).</param>
    /// <param name="outputTypes">Each output's ONNX element type after conversion.</param>
    string? Unsupported(NodeProto node, IReadOnlyList<int> inputTypes, IReadOnlyList<int> outputTypes, IReadOnlyList<OperatorSetIdProto> opsets);
}

/// <summary>
/// Asks ONNX Runtime itself: a one-node model with the node's float tensors typed float16 is loaded on the provider (no
/// graph optimisation; for a non-CPU provider with CPU fallback disabled). A session that fails with ORT's "Could not find
/// an implementation", or that loads only because ONNX Runtime inserted Casts to float32 around the node (its
/// InsertCastTransformer, seen in the graph the session saves), has no float16 kernel for that node; the answer is cached per operator, domain, attributes' names,
/// input/output types and opset. This is the installed runtime's own kernel registry, so it stays right across
/// versions (1.30 and 1.31 register float16 CPU kernels for few operators).
/// </summary>
public sealed class Float16KernelProbe(string provider) : IFloat16Kernels
{
    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);

    public string? Unsupported(NodeProto node, IReadOnlyList<int> inputTypes, IReadOnlyList<int> outputTypes, IReadOnlyList<OperatorSetIdProto> opsets)
    {
        ArgumentNullException.ThrowIfNull(node);
        string key = string.Join('|', provider, node.Domain, node.OpType, string.Join(',', node.Attribute.Select(a => a.Name)),
            string.Join(',', inputTypes), string.Join(',', outputTypes), string.Join(',', opsets.Select(o => o.Domain + o.Version)));
        return Cache.GetOrAdd(key, _ => Probe(node, inputTypes, outputTypes, opsets));
    }

    private string? Probe(NodeProto node, IReadOnlyList<int> inputTypes, IReadOnlyList<int> outputTypes, IReadOnlyList<OperatorSetIdProto> opsets)
    {
        var graph = new GraphProto { Name = "fp16_probe" };
        var probe = new NodeProto { OpType = node.OpType, Domain = node.Domain, Name = "probe" };
        probe.Attribute.AddRange(node.Attribute.Select(a => a.Clone()));
        for (int i = 0; i < node.Input.Count; i++)
        {
            if (node.Input[i].Length == 0)
            {
                probe.Input.Add(string.Empty);
                continue;
            }

            string name = "in" + i;
            probe.Input.Add(name);
            graph.Input.Add(OnnxGraphBuilder.TensorOfAnyShape(name, (TensorProto.Types.DataType)inputTypes[i]));
        }

        for (int o = 0; o < node.Output.Count; o++)
        {
            string name = node.Output[o].Length == 0 ? string.Empty : "out" + o;
            probe.Output.Add(name);
            if (name.Length > 0)
            {
                graph.Output.Add(OnnxGraphBuilder.TensorOfAnyShape(name, (TensorProto.Types.DataType)outputTypes[o]));
            }
        }

        graph.Node.Add(probe);
        var model = new ModelProto { IrVersion = 10, ProducerName = OnnxModelFile.Producer, Graph = graph };
        model.OpsetImport.AddRange(opsets.Select(o => o.Clone()));
        if (!ExecutionProviders.TryParse(provider, out ExecutionProvider ep))
        {
            throw new QuantizationException(provider, $"provider '{provider}' is not one of {string.Join(", ", ExecutionProviders.Names)}", ErrorKind.Usage);
        }

        using SessionOptions options = SessionFactory.CreateOptions(ep, 1, new ProviderSettings());
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL;
        options.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        string saved = Path.Combine(Path.GetTempPath(), $"effnet-bench-fp16-probe-{Environment.ProcessId}-{Guid.NewGuid():N}.onnx");
        options.OptimizedModelFilePath = saved;
        try
        {
            using (new InferenceSession(model.ToByteArray(), options))
            {
            }

            // ORT's InsertCastTransformer runs a node without a float16 kernel in float32 by inserting Casts around it:
            // the session loads, so the graph it saved tells.
            ModelProto placed = ModelProto.Parser.ParseFrom(File.ReadAllBytes(saved));
            return placed.Graph.Node.Any(n => n.OpType == "Cast" && node.OpType != "Cast")
                ? $"no float16 kernel on {provider} (ONNX Runtime would insert Casts to float32)"
                : null;
        }
        catch (OnnxRuntimeException e)
        {
            string first = e.Message.ReplaceLineEndings(" ");
            return first.Contains("Could not find an implementation", StringComparison.OrdinalIgnoreCase)
                || first.Contains("NOT_IMPLEMENTED", StringComparison.Ordinal)
                ? $"no float16 kernel on {provider}"
                : $"float16 not accepted on {provider} ({(first.Length > 120 ? first[..120] + "..." : first)})";
        }
        finally
        {
            File.Delete(saved);
        }
    }
}
