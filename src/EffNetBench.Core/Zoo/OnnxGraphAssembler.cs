using Google.Protobuf;
using Onnx;

namespace EffNetBench.Core.Zoo;

/// <summary>Appends nodes and initializers to a GraphProto without copying weight bytes.</summary>
internal sealed class OnnxGraphAssembler(string graphName)
{
    public GraphProto Graph { get; } = new() { Name = graphName };

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

    public string Node(string opType, string name, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

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

    public static ValueInfoProto FloatTensor(string name, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (object dim in dims)
        {
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    /// <summary>A float tensor output whose shape is left to the runtime.</summary>
    public static ValueInfoProto FloatTensorOfAnyShape(string name) => new()
    {
        Name = name,
        Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
    };
}
