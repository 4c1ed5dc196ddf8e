namespace EffNetBench.Core.Graph;

/// <summary>Reduce*, ArgMax/ArgMin and TopK: one FLOP per input element.</summary>
internal static class ReduceRules
{
    public static void Reduce(NodeContext c)
    {
        var x = c.In(0);
        var shape = c.Shape(0);
        long[]? axes;
        if (c.HasInput(1))
        {
            axes = c.IntValues(1, "axes");
        }
        else
        {
            axes = c.Ints("axes");
        }

        var keep = c.Int("keepdims", 1) != 0;
        var noop = c.Int("noop_with_empty_axes", 0) != 0;
        if (axes is null || axes.Length == 0)
        {
            if (noop)
            {
                c.Out(0, x.ElemType, shape, x.Ints, x.Floats);
                return;
            }

            axes = Enumerable.Range(0, shape.Length).Select(i => (long)i).ToArray();
        }

        var reduced = new bool[shape.Length];
        foreach (var a in axes)
        {
            reduced[ShapeMath.Axis(a, shape.Length)] = true;
        }

        var y = new List<long>();
        for (var i = 0; i < shape.Length; i++)
        {
            if (!reduced[i])
            {
                y.Add(shape[i]);
            }
            else if (keep)
            {
                y.Add(1);
            }
        }

        long[]? ints = null;
        if (x.Ints is not null && shape.Length == 1 && reduced[0] && x.Ints.Length > 0)
        {
            long? v = c.OpType switch
            {
                "ReduceProd" => x.Ints.Aggregate(1L, (p, q) => checked(p * q)),
                "ReduceSum" => x.Ints.Sum(),
                "ReduceMax" => x.Ints.Max(),
                "ReduceMin" => x.Ints.Min(),
                _ => null,
            };
            ints = v is null ? null : [v.Value];
        }

        c.Out(0, x.ElemType, y.ToArray(), ints);
        c.OtherFlops = ShapeMath.Product(shape);
    }

    public static void ArgMax(NodeContext c)
    {
        var shape = c.Shape(0);
        var axis = ShapeMath.Axis(c.Int("axis", 0), shape.Length);
        var keep = c.Int("keepdims", 1) != 0;
        var y = new List<long>();
        for (var i = 0; i < shape.Length; i++)
        {
            if (i != axis)
            {
                y.Add(shape[i]);
            }
            else if (keep)
            {
                y.Add(1);
            }
        }

        c.Out(0, ElementTypes.Int64, y.ToArray());
        c.OtherFlops = ShapeMath.Product(shape);
    }

    public static void TopK(NodeContext c)
    {
        var shape = c.Shape(0);
        var k = c.HasInput(1) ? c.IntValues(1, "K") is [var kv] ? kv : throw new NotCountableException("K must have one element") : c.Int("k", -1);
        if (k < 0)
        {
            throw new NotCountableException("TopK k is missing");
        }

        var axis = ShapeMath.Axis(c.Int("axis", -1), shape.Length);
        var y = (long[])shape.Clone();
        y[axis] = Math.Min(k, shape[axis]);
        c.Out(0, c.ElemType(0), y);
        c.Out(1, ElementTypes.Int64, y);
        c.OtherFlops = ShapeMath.Product(shape);
    }
}
