using System.Globalization;
using Google.Protobuf;
using Onnx;

namespace EffNetBench.Core.OnnxModels;

/// <summary>
/// Builds an ONNX graph: appends nodes, initializers and value infos to a <see cref="GraphProto"/>, and makes the
/// attributes they take. Names are the caller's, or generated unique ones (<see cref="UniqueName"/>). The zoo writer,
/// the preprocessing graph and the provider probe all build their graphs through it.
/// </summary>
public sealed class OnnxGraphBuilder(GraphProto graph, string prefix = "")
{
    private int _count;

    public OnnxGraphBuilder(string graphName)
        : this(new GraphProto { Name = graphName })
    {
    }

    public GraphProto Graph { get; } = graph;

    /// <summary>What every generated name starts with.</summary>
    public string Prefix => prefix;

    /// <summary>A name no other generated name repeats: prefix + <paramref name="what"/> + "_" + a counter.</summary>
    public string UniqueName(string what) => prefix + what + "_" + (_count++).ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds a float32 initializer whose bytes are wrapped, not copied (the caller must not reuse the array).</summary>
    public string Initializer(string name, byte[] rawFloat32, params long[] dims)
    {
        var tensor = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = UnsafeByteOperations.UnsafeWrap(rawFloat32),
        };
        tensor.Dims.AddRange(dims);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A 1-D int64 constant under a generated name.</summary>
    public string Int64Constant(long[] values)
    {
        var tensor = new TensorProto { Name = UniqueName("const"), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A float constant of shape <paramref name="dims"/> under a generated name.</summary>
    public string FloatConstant(float[] values, long[] dims)
    {
        var tensor = new TensorProto { Name = UniqueName("const"), DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds a node of the default domain (or of <paramref name="domain"/>); returns its output.</summary>
    public string Node(string opType, string name, IEnumerable<string> inputs, string output, params AttributeProto[] attributes) =>
        Node(opType, string.Empty, name, inputs, output, attributes);

    public string Node(string opType, string domain, string name, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = domain, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    /// <summary>A node with a generated name (<paramref name="opType"/>_node_N) writing <paramref name="output"/>.</summary>
    public string NodeTo(string opType, IEnumerable<string> inputs, string output, params AttributeProto[] attributes) =>
        Node(opType, UniqueName(opType + "_node"), inputs, output, attributes);

    /// <summary>A node with a generated output (<paramref name="opType"/>_N) and name; returns the output.</summary>
    public string Node(string opType, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        NodeTo(opType, inputs, UniqueName(opType), attributes);

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Str(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>A tensor's value info; each dimension a number, or a string naming a symbolic dimension.</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (object dim in dims)
        {
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    public static ValueInfoProto FloatTensor(string name, params object[] dims) => Tensor(name, TensorProto.Types.DataType.Float, dims);

    /// <summary>A tensor's value info whose shape is left to the runtime.</summary>
    public static ValueInfoProto TensorOfAnyShape(string name, TensorProto.Types.DataType type = TensorProto.Types.DataType.Float) => new()
    {
        Name = name,
        Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type } },
    };
}
