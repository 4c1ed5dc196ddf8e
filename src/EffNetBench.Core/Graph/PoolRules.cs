namespace EffNetBench.Core.Graph;

/// <summary>Pooling operators.</summary>
internal static class PoolRules
{
    /// <summary>MaxPool / AveragePool / LpPool: kernel-size FLOPs per output element.</summary>
    public static void Pool(NodeContext c)
    {
        var x = c.Shape(0);
        if (x.Length < 3)
        {
            throw new NotCountableException("pooling input must have rank >= 3");
        }

        var n = x.Length - 2;
        var kernel = c.Ints("kernel_shape") ?? throw new NotCountableException("kernel_shape attribute is missing");
        var strides = c.Ints("strides") ?? ShapeMath.Filled(n, 1);
        var dilations = c.Ints("dilations") ?? ShapeMath.Filled(n, 1);
        var pads = c.Ints("pads") ?? ShapeMath.Filled(2 * n, 0);
        var autoPad = c.Str("auto_pad", "NOTSET");
        var ceil = c.Int("ceil_mode", 0) != 0;
        var spatial = ShapeMath.WindowOutput(x[2..], kernel, strides, dilations, pads, autoPad, ceil);
        long[] y = [x[0], x[1], .. spatial];
        c.Out(0, c.ElemType(0), y);
        c.Out(1, ElementTypes.Int64, y); // MaxPool Indices
        c.OtherFlops = checked(ShapeMath.Product(y) * ShapeMath.Product(kernel));
    }

    /// <summary>GlobalAveragePool / GlobalMaxPool / GlobalLpPool: one FLOP per input element.</summary>
    public static void GlobalPool(NodeContext c)
    {
        var x = c.Shape(0);
        if (x.Length < 2)
        {
            throw new NotCountableException("global pooling input must have rank >= 2");
        }

        var y = ShapeMath.Filled(x.Length, 1);
        y[0] = x[0];
        y[1] = x[1];
        c.Out(0, c.ElemType(0), y);
        c.OtherFlops = ShapeMath.Product(x);
    }

    /// <summary>com.microsoft QLinearGlobalAveragePool(X, x_scale, x_zp, y_scale, y_zp): input elements + 2 per output.</summary>
    public static void QLinearGlobalAveragePool(NodeContext c)
    {
        var x = c.Shape(0);
        if (x.Length < 3)
        {
            throw new NotCountableException("global pooling input must have rank >= 3");
        }

        var y = ShapeMath.Filled(x.Length, 1);
        y[0] = x[0];
        if (c.Int("channels_last", 0) != 0)
        {
            y[^1] = x[^1];
        }
        else
        {
            y[1] = x[1];
        }

        c.Out(0, c.ElemType(0), y);
        c.OtherFlops = checked(ShapeMath.Product(x) + (2 * ShapeMath.Product(y)));
    }
}
