using Onnx;

namespace EffNetBench.Core.Graph;

/// <summary>
/// Zero-cost operators that produce or forward (often small, shape-computing) values: Constant,
/// ConstantOfShape, Shape, Size, Range, Cast, Identity, Dropout, EyeLike.
/// </summary>
internal static class ValueRules
{
    public static void Constant(NodeContext c)
    {
        if (c.Attr("value") is { T: { } t })
        {
            var f = ConstantReader.Facts(t);
            if (f.Shape is null)
            {
                throw new NotCountableException("Constant tensor has invalid dims");
            }

            c.Out(0, f.ElemType, f.Shape, f.Ints, f.Floats, isConstant: true);
        }
        else if (c.Attr("value_float") is { } vf)
        {
            c.Out(0, ElementTypes.Float, [], floats: [vf.F], isConstant: true);
        }
        else if (c.Attr("value_floats") is { } vfs)
        {
            c.Out(0, ElementTypes.Float, [vfs.Floats.Count], floats: vfs.Floats.Select(v => (double)v).ToArray(), isConstant: true);
        }
        else if (c.Attr("value_int") is { } vi)
        {
            c.Out(0, ElementTypes.Int64, [], ints: [vi.I], isConstant: true);
        }
        else if (c.Attr("value_ints") is { } vis)
        {
            c.Out(0, ElementTypes.Int64, [vis.Ints.Count], ints: vis.Ints.ToArray(), isConstant: true);
        }
        else if (c.Attr("value_string") is not null)
        {
            c.Out(0, ElementTypes.String, [], isConstant: true);
        }
        else if (c.Attr("value_strings") is { } vss)
        {
            c.Out(0, ElementTypes.String, [vss.Strings.Count], isConstant: true);
        }
        else if (c.Attr("sparse_value") is { SparseTensor: { } sp })
        {
            c.Out(0, sp.Values?.DataType ?? ElementTypes.Undefined, sp.Dims.ToArray(), isConstant: true);
        }
        else
        {
            throw new NotCountableException("Constant has no value attribute");
        }
    }

    public static void ConstantOfShape(NodeContext c)
    {
        var shape = c.IntValues(0, "shape");
        var type = ElementTypes.Float;
        double fill = 0;
        if (c.Attr("value") is { T: { } t })
        {
            type = t.DataType;
            var f = ConstantReader.Facts(t);
            fill = f.Floats is [var fv] ? fv : f.Ints is [var iv] ? iv : 0;
        }

        var count = ShapeMath.Product(shape);
        long[]? ints = null;
        double[]? floats = null;
        if (count <= ConstantReader.MaxIntElements)
        {
            if (ElementTypes.IsIntegral(type))
            {
                ints = Enumerable.Repeat((long)fill, (int)count).ToArray();
            }
            else
            {
                floats = Enumerable.Repeat(fill, (int)count).ToArray();
            }
        }

        c.Out(0, type, shape, ints, floats);
    }

    public static void Shape(NodeContext c)
    {
        var s = c.Shape(0);
        var rank = s.Length;
        var start = c.Int("start", 0);
        var end = c.Int("end", rank);
        start = Math.Clamp(start < 0 ? start + rank : start, 0, rank);
        end = Math.Clamp(end < 0 ? end + rank : end, 0, rank);
        var values = end > start ? s[(int)start..(int)end] : [];
        c.Out(0, ElementTypes.Int64, [values.Length], values);
    }

    public static void Size(NodeContext c) =>
        c.Out(0, ElementTypes.Int64, [], [ShapeMath.Product(c.Shape(0))]);

    public static void Range(NodeContext c)
    {
        var type = c.ElemType(0);
        var start = c.FloatValues(0, "start");
        var limit = c.FloatValues(1, "limit");
        var delta = c.FloatValues(2, "delta");
        if (start.Length != 1 || limit.Length != 1 || delta.Length != 1 || delta[0] == 0)
        {
            throw new NotCountableException("Range expects scalar start, limit and non-zero delta");
        }

        var n = (long)Math.Max(Math.Ceiling((limit[0] - start[0]) / delta[0]), 0);
        long[]? ints = null;
        double[]? floats = null;
        if (n <= ConstantReader.MaxIntElements)
        {
            var values = Enumerable.Range(0, (int)n).Select(i => start[0] + (i * delta[0])).ToArray();
            if (ElementTypes.IsIntegral(type))
            {
                ints = values.Select(v => (long)v).ToArray();
            }
            else
            {
                floats = values;
            }
        }

        c.Out(0, type, [n], ints, floats);
    }

    public static void Cast(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        var to = c.OpType == "CastLike" ? c.ElemType(1) : (int)c.Int("to", x.ElemType);
        long[]? ints = null;
        double[]? floats = null;
        if (to == ElementTypes.Bool)
        {
            ints = x.Ints?.Select(v => v != 0 ? 1L : 0L).ToArray() ?? x.Floats?.Select(v => v != 0 ? 1L : 0L).ToArray();
        }
        else if (ElementTypes.IsIntegral(to))
        {
            ints = x.Ints ?? x.Floats?.Select(v => (long)v).ToArray();
        }
        else if (ElementTypes.IsFloating(to))
        {
            floats = x.Floats ?? x.Ints?.Select(v => (double)v).ToArray();
        }

        c.Out(0, to, s, ints, floats);
    }

    /// <summary>Identity and Dropout (inference): forward input 0; Dropout's mask is bool of the same shape.</summary>
    public static void Identity(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        c.Out(0, x.ElemType, s, x.Ints, x.Floats);
        c.Out(1, ElementTypes.Bool, s);
    }

    public static void EyeLike(NodeContext c)
    {
        var s = c.Shape(0);
        c.Out(0, (int)c.Int("dtype", c.ElemType(0)), s);
    }

    public static void DataDependent(NodeContext c) =>
        throw new NotCountableException("output shape depends on input data");

    /// <summary>Reads a value of a sparse initializer's dims (used for graph-level sparse initializers).</summary>
    public static TensorFacts SparseFacts(SparseTensorProto sparse) =>
        new() { ElemType = sparse.Values?.DataType ?? ElementTypes.Undefined, Shape = sparse.Dims.ToArray(), IsConstant = true };
}
