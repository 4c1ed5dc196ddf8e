using System.Globalization;
using Onnx;

namespace EffNetBench.Core.Graph;

/// <summary>Inputs, attributes and result slots for one node while its rule runs.</summary>
internal sealed class NodeContext
{
    private readonly IReadOnlyDictionary<string, TensorFacts> facts;
    private readonly Dictionary<string, AttributeProto> attributes;

    public NodeContext(NodeProto node, long opset, IReadOnlyDictionary<string, TensorFacts> facts)
    {
        Node = node;
        Opset = opset;
        this.facts = facts;
        attributes = new Dictionary<string, AttributeProto>(StringComparer.Ordinal);
        foreach (var a in node.Attribute)
        {
            attributes[a.Name] = a;
        }

        Outputs = new TensorFacts?[node.Output.Count];
    }

    public NodeProto Node { get; }

    /// <summary>Opset version of the node's domain.</summary>
    public long Opset { get; }

    public string OpType => Node.OpType;

    public int InputCount => Node.Input.Count;

    public int OutputCount => Node.Output.Count;

    public TensorFacts?[] Outputs { get; }

    public long Macs { get; set; }

    public long OtherFlops { get; set; }

    public bool HasInput(int i) => i < Node.Input.Count && Node.Input[i].Length > 0;

    public bool HasOutput(int i) => i < Node.Output.Count && Node.Output[i].Length > 0;

    public TensorFacts In(int i)
    {
        if (!HasInput(i))
        {
            throw new NotCountableException($"required input {i.ToString(CultureInfo.InvariantCulture)} is missing");
        }

        var name = Node.Input[i];
        if (!facts.TryGetValue(name, out var f))
        {
            throw new NotCountableException($"input '{name}' is not produced by any node, initializer or graph input");
        }

        return f;
    }

    public long[] Shape(int i)
    {
        var f = In(i);
        return f.Shape ?? throw new NotCountableException(f.UnknownReason is null ? "input shape unknown" : "input shape unknown: " + f.UnknownReason);
    }

    public int ElemType(int i) => In(i).ElemType;

    /// <summary>Known integral values of input <paramref name="i"/>; throws when unknown.</summary>
    public long[] IntValues(int i, string role)
    {
        var f = In(i);
        if (f.Ints is not null)
        {
            return f.Ints;
        }

        if (f.Floats is not null)
        {
            return f.Floats.Select(v => (long)v).ToArray();
        }

        if (f.Shape is null)
        {
            Shape(i);
        }

        throw new NotCountableException($"value of input '{Node.Input[i]}' ({role}) is not statically known");
    }

    /// <summary>Known values of input <paramref name="i"/> as doubles; throws when unknown.</summary>
    public double[] FloatValues(int i, string role)
    {
        var f = In(i);
        if (f.Floats is not null)
        {
            return f.Floats;
        }

        if (f.Ints is not null)
        {
            return f.Ints.Select(v => (double)v).ToArray();
        }

        if (f.Shape is null)
        {
            Shape(i);
        }

        throw new NotCountableException($"value of input '{Node.Input[i]}' ({role}) is not statically known");
    }

    /// <summary>Elements of input <paramref name="i"/>: 0 when the input is absent.</summary>
    public long ElementCount(int i) => HasInput(i) ? ShapeMath.Product(Shape(i)) : 0;

    public AttributeProto? Attr(string name) => attributes.GetValueOrDefault(name);

    public long Int(string name, long defaultValue) => Attr(name) is { } a ? a.I : defaultValue;

    public long[]? Ints(string name) => Attr(name) switch
    {
        null => null,
        { Ints.Count: 0, Type: AttributeProto.Types.AttributeType.Int } a => [a.I],
        var a => a.Ints.ToArray(),
    };

    public float Float(string name, float defaultValue) => Attr(name) is { } a ? a.F : defaultValue;

    public string Str(string name, string defaultValue) => Attr(name) is { } a ? a.S.ToStringUtf8() : defaultValue;

    /// <summary>Sets output <paramref name="i"/> (ignored when the output is not wired).</summary>
    public void Out(int i, int elemType, long[] shape, long[]? ints = null, double[]? floats = null, bool isConstant = false)
    {
        if (!HasOutput(i))
        {
            return;
        }

        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new NotCountableException($"inferred a negative dimension {ShapeMath.Format(shape)}");
            }
        }

        var count = ShapeMath.Product(shape);
        if (ints is not null && (ints.Length != count || count > ConstantReader.MaxIntElements))
        {
            ints = null;
        }

        if (floats is not null && (floats.Length != count || count > ConstantReader.MaxIntElements))
        {
            floats = null;
        }

        Outputs[i] = new TensorFacts { ElemType = elemType, Shape = shape, Ints = ints, Floats = floats, IsConstant = isConstant };
    }

    /// <summary>Output with the same shape and type as input 0 (values passed through when given).</summary>
    public long[] SameAsInput0(int elemType = -1)
    {
        var s = Shape(0);
        Out(0, elemType < 0 ? ElemType(0) : elemType, s);
        return s;
    }
}
