using Google.Protobuf;
using Onnx;

namespace EffNetBench.IntegrationTests.Evaluation.Eval;

/// <summary>
/// A tiny ONNX classifier whose answer is known from the image colour: GlobalAveragePool -> Flatten -> Gemm with
/// identity weights over 3 classes, so the score of class c is the mean of channel c (red 0, green 1, blue 2).
/// </summary>
internal static class ColourClassifier
{
    public const int Resolution = 8;

    /// <param name="batch">A fixed batch size, or null for a dynamic "N" batch dimension.</param>
    /// <param name="nhwc">Channels last (N, 8, 8, 3), pooled with ReduceMean over H and W, instead of NCHW.</param>
    public static void Save(string path, int? batch = null, bool nhwc = false)
    {
        var graph = new GraphProto { Name = "colour" };
        var dims = new TensorShapeProto();
        dims.Dim.Add(batch is int b ? new TensorShapeProto.Types.Dimension { DimValue = b } : new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (int d in nhwc ? new[] { Resolution, Resolution, 3 } : new[] { 3, Resolution, Resolution })
        {
            dims.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        graph.Input.Add(new ValueInfoProto { Name = "input", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = dims } } });
        graph.Output.Add(new ValueInfoProto { Name = "logits", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } } });
        graph.Initializer.Add(Floats("W", [3, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1]));
        graph.Initializer.Add(Floats("C", [3], [0, 0, 0]));
        if (nhwc)
        {
            NodeProto mean = Node("ReduceMean", ["input"], "pooled");
            mean.Attribute.Add(new AttributeProto { Name = "axes", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 1, 2 } });
            mean.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
            graph.Node.Add(mean);
        }
        else
        {
            graph.Node.Add(Node("GlobalAveragePool", ["input"], "pooled"));
        }

        NodeProto flatten = Node("Flatten", ["pooled"], "flat");
        flatten.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(flatten);
        graph.Node.Add(Node("Gemm", ["flat", "W", "C"], "logits"));

        var model = new ModelProto { IrVersion = 8, ProducerName = "effnet-bench-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        File.WriteAllBytes(path, model.ToByteArray());
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = op };
        node.Input.Add(inputs);
        node.Output.Add(output);
        return node;
    }

    private static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = 1 };
        t.Dims.Add(dims);
        t.FloatData.Add(values);
        return t;
    }
}
