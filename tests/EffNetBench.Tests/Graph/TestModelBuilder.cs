using EffNetBench.Core.OnnxModels;
using Google.Protobuf;
using Onnx;

namespace EffNetBench.Tests.Graph;

/// <summary>Builds small ONNX models in memory for the graph-analysis tests.</summary>
internal sealed class TestModelBuilder
{
    public const int F32 = 1;
    public const int U8 = 2;
    public const int I8 = 3;
    public const int I32 = 6;
    public const int I64 = 7;

    private readonly GraphProto graph = new() { Name = "test" };
    private readonly ModelProto model;

    public TestModelBuilder(long opset = 17)
    {
        model = new ModelProto { IrVersion = 8, ProducerName = "effnet-bench-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
    }

    /// <summary>Adds a float32 graph input; dims are numbers or symbol names.</summary>
    public TestModelBuilder Input(string name, params object[] dims) => TypedInput(name, F32, dims);

    public TestModelBuilder TypedInput(string name, int elemType, params object[] dims)
    {
        graph.Input.Add(MakeValueInfo(name, elemType, dims));
        return this;
    }

    /// <summary>Adds a graph output without a declared shape.</summary>
    public TestModelBuilder Output(string name, int elemType = F32)
    {
        graph.Output.Add(OnnxGraphBuilder.TensorOfAnyShape(name, (TensorProto.Types.DataType)elemType));
        return this;
    }

    /// <summary>Declares a value_info entry (shape-inference hint) for an intermediate tensor.</summary>
    public TestModelBuilder ValueInfo(string name, int elemType, params object[] dims)
    {
        graph.ValueInfo.Add(MakeValueInfo(name, elemType, dims));
        return this;
    }

    /// <summary>Adds an initializer described only by dims (no payload) unless <paramref name="withData"/>.</summary>
    public TestModelBuilder Weight(string name, long[] dims, int elemType = F32, bool withData = false)
    {
        var t = new TensorProto { Name = name, DataType = elemType };
        t.Dims.Add(dims);
        if (withData)
        {
            var count = dims.Aggregate(1L, (a, b) => a * b);
            var size = elemType switch { F32 or I32 => 4, I64 => 8, _ => 1 };
            t.RawData = ByteString.CopyFrom(new byte[count * size]);
        }

        graph.Initializer.Add(t);
        return this;
    }

    /// <summary>Adds an int64 initializer with values (1-D unless <paramref name="scalar"/>).</summary>
    public TestModelBuilder Int64s(string name, long[] values, bool scalar = false)
    {
        graph.Initializer.Add(Int64Tensor(name, values, scalar));
        return this;
    }

    /// <summary>Adds a 1-D float initializer with values in float_data.</summary>
    public TestModelBuilder Floats(string name, params float[] values)
    {
        var t = new TensorProto { Name = name, DataType = F32 };
        t.Dims.Add(values.Length);
        t.FloatData.Add(values);
        graph.Initializer.Add(t);
        return this;
    }

    /// <summary>Adds a scalar (rank-0) initializer of the given type.</summary>
    public TestModelBuilder Scalar(string name, int elemType)
    {
        var t = new TensorProto { Name = name, DataType = elemType };
        if (elemType == F32)
        {
            t.FloatData.Add(1f);
        }
        else
        {
            t.Int32Data.Add(0);
        }

        graph.Initializer.Add(t);
        return this;
    }

    public TestModelBuilder Node(string opType, string[] inputs, string[] outputs, string? name = null, string domain = "", params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = opType, Name = name ?? string.Empty, Domain = domain };
        n.Input.Add(inputs);
        n.Output.Add(outputs);
        n.Attribute.Add(attributes);
        graph.Node.Add(n);
        return this;
    }

    public TestModelBuilder Node(string opType, string input, string output, string? name = null, params AttributeProto[] attributes) =>
        Node(opType, [input], [output], name, string.Empty, attributes);

    public TestModelBuilder Opset(string domain, long version)
    {
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        return this;
    }

    public ModelProto Build() => model;

    public static AttributeProto Attr(string name, long value) => OnnxGraphBuilder.Int(name, value);

    public static AttributeProto Attr(string name, params long[] values) => OnnxGraphBuilder.Ints(name, values);

    public static AttributeProto Attr(string name, float value) => OnnxGraphBuilder.Float(name, value);

    public static AttributeProto Attr(string name, string value) => OnnxGraphBuilder.Str(name, value);

    public static AttributeProto Attr(string name, TensorProto value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = value };

    public static TensorProto Int64Tensor(string name, long[] values, bool scalar = false)
    {
        var t = new TensorProto { Name = name, DataType = I64 };
        if (!scalar)
        {
            t.Dims.Add(values.Length);
        }

        t.Int64Data.Add(values);
        return t;
    }

    private static ValueInfoProto MakeValueInfo(string name, int elemType, object[] dims) =>
        dims.All(d => d is string or int or long)
            ? OnnxGraphBuilder.Tensor(name, (TensorProto.Types.DataType)elemType, dims)
            : throw new ArgumentException("dims must be numbers or symbol names", nameof(dims));
}
