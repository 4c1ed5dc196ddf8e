namespace EffNetBench.Core.Graph;

/// <summary>BatchNormalization, LayerNormalization, InstanceNormalization, GroupNormalization, LRN, Softmax.</summary>
internal static class NormalizationRules
{
    /// <summary>Inference BatchNormalization: scale + shift = 2 FLOPs per element.</summary>
    public static void BatchNormalization(NodeContext c)
    {
        var x = c.Shape(0);
        c.Out(0, c.ElemType(0), x);
        if (x.Length >= 2)
        {
            for (var i = 1; i < c.OutputCount; i++)
            {
                c.Out(i, c.ElemType(0), [x[1]]);
            }
        }

        c.OtherFlops = checked(2 * ShapeMath.Product(x));
    }

    /// <summary>
    /// Layer/Instance/Group normalisation: 7 FLOPs per element (mean, subtract, square,
    /// accumulate variance, multiply by 1/std, scale, shift).
    /// </summary>
    public static void Normalization(NodeContext c)
    {
        var x = c.Shape(0);
        c.Out(0, c.ElemType(0), x);
        if (c.OpType == "LayerNormalization")
        {
            var axis = ShapeMath.Axis(c.Int("axis", -1), x.Length);
            var stats = (long[])x.Clone();
            for (var i = axis; i < stats.Length; i++)
            {
                stats[i] = 1;
            }

            c.Out(1, ElementTypes.Float, stats);
            c.Out(2, ElementTypes.Float, stats);
        }

        c.OtherFlops = checked(7 * ShapeMath.Product(x));
    }

    /// <summary>LRN: size + 3 FLOPs per element (window sum of squares, scale, power, divide).</summary>
    public static void Lrn(NodeContext c)
    {
        var x = c.SameAsInput0();
        c.OtherFlops = checked((c.Int("size", 1) + 3) * ShapeMath.Product(x));
    }

    /// <summary>Softmax / LogSoftmax: 3 FLOPs per element (exp, sum, divide).</summary>
    public static void Softmax(NodeContext c)
    {
        var x = c.SameAsInput0();
        c.OtherFlops = checked(3 * ShapeMath.Product(x));
    }
}
